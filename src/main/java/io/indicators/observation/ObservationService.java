package io.indicators.observation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.indicators.common.api.KoreanEnglish;
import io.indicators.common.api.Unit;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.common.problem.ApiException;
import io.indicators.indicator.Indicator;
import io.indicators.indicator.IndicatorRepository;
import io.indicators.observation.ObservationViews.CitationView;
import io.indicators.observation.ObservationViews.IndicatorRef;
import io.indicators.observation.ObservationViews.ObservationSet;
import io.indicators.observation.ObservationViews.ObservationView;
import io.indicators.observation.ObservationViews.ReleaseRef;
import io.indicators.release.ReleaseRepository;
import io.indicators.release.ReleaseRequest.Derivation;
import io.indicators.source.SourceViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ObservationService {

    private final IndicatorRepository indicators;
    private final ObservationVersionRepository versions;
    private final ReleaseRepository releases;
    private final ObjectMapper json;

    ObservationService(IndicatorRepository indicators, ObservationVersionRepository versions, ReleaseRepository releases,
            ObjectMapper json) {
        this.indicators = indicators;
        this.versions = versions;
        this.releases = releases;
        this.json = json;
    }

    /** A filter on an indicator's observations, parameters already parsed and checked for conflicts. */
    public record Query(String geo, ReferencePeriod startPeriod, ReferencePeriod endPeriod, Integer lastNObservations,
            Instant asOf) {

        public Query {
            if (startPeriod != null && endPeriod != null && startPeriod.start().isAfter(endPeriod.end())) {
                throw ApiException.badParameter("startPeriod", "startPeriod " + startPeriod.text()
                        + " is after endPeriod " + endPeriod.text());
            }
        }
    }

    public ObservationSet observations(String indicatorId, Query query) {
        Indicator indicator = indicators.findByIdOptional(indicatorId)
                .orElseThrow(() -> ApiException.notFound("No indicator '" + indicatorId + "'"));
        Instant knownAt = query.asOf() == null ? Instant.now() : query.asOf();
        List<ObservationVersion> known = versions.knownAt(indicatorId, query.geo(),
                query.startPeriod() == null ? null : query.startPeriod().start(),
                query.endPeriod() == null ? null : query.endPeriod().end(), knownAt);
        if (query.lastNObservations() != null) {
            known = lastPerSeries(known, query.lastNObservations());
        }
        ReleaseRef release = releases.currentAt(knownAt).map(r -> new ReleaseRef(r.id, r.releasedAt)).orElse(null);
        return new ObservationSet(indicatorRef(indicator), query.asOf(), release, known.stream().map(this::view).toList());
    }

    public ObservationView view(ObservationVersion version) {
        Series series = version.observation.series;
        return new ObservationView(series.geo, version.observation.period, version.value, version.low, version.high,
                unit(series.indicator), version.status, version.note, derivation(version.derivation), version.release.id,
                version.realtimeStart, version.realtimeEnd,
                version.citations.stream().map(c -> new CitationView(SourceViews.ref(c.document), c.quote,
                        SourceViews.ref(c.publication))).toList());
    }

    public static IndicatorRef indicatorRef(Indicator indicator) {
        return new IndicatorRef(indicator.id, new KoreanEnglish(indicator.nameKo, indicator.nameEn), unit(indicator));
    }

    public static Unit unit(Indicator indicator) {
        return new Unit(indicator.unitCode, indicator.unitMultiplier);
    }

    /** Versions arrive ordered by geo then period, so the last n of each geo are at the end of its run. */
    private static List<ObservationVersion> lastPerSeries(List<ObservationVersion> ordered, int n) {
        Map<String, List<ObservationVersion>> byGeo = new LinkedHashMap<>();
        ordered.forEach(v -> byGeo.computeIfAbsent(v.observation.series.geo, g -> new ArrayList<>()).add(v));
        return byGeo.values().stream().flatMap(run -> run.subList(Math.max(0, run.size() - n), run.size()).stream()).toList();
    }

    private Derivation derivation(String stored) {
        try {
            return stored == null ? null : json.readValue(stored, Derivation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored derivation is not JSON", e);
        }
    }
}
