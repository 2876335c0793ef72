package io.indicators.observation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.indicators.common.api.KoreanEnglish;
import io.indicators.common.api.Unit;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.common.problem.ApiException;
import io.indicators.indicator.Indicator;
import io.indicators.indicator.IndicatorRepository;
import io.indicators.observation.ObservationViews.Change;
import io.indicators.observation.ObservationViews.CitationView;
import io.indicators.observation.ObservationViews.IndicatorRef;
import io.indicators.observation.ObservationViews.ObservationSet;
import io.indicators.observation.ObservationViews.ObservationView;
import io.indicators.observation.ObservationViews.ReleaseRef;
import io.indicators.observation.ObservationViews.ValueHistory;
import io.indicators.observation.ObservationViews.ValueState;
import io.indicators.observation.ObservationViews.Vintage;
import io.indicators.observation.ObservationViews.VintageList;
import io.indicators.release.ReleaseRequest.Derivation;
import io.indicators.source.SourceViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ObservationService {

    private final IndicatorRepository indicators;
    private final SeriesRepository series;
    private final ObservationRepository observations;
    private final ObservationVersionRepository versions;
    private final ObjectMapper json;

    ObservationService(IndicatorRepository indicators, SeriesRepository series, ObservationRepository observations,
            ObservationVersionRepository versions, ObjectMapper json) {
        this.indicators = indicators;
        this.series = series;
        this.observations = observations;
        this.versions = versions;
        this.json = json;
    }

    /** A filter on an indicator's observations, parameters already parsed and checked for conflicts. */
    public record Query(String geo, ReferencePeriod startPeriod, ReferencePeriod endPeriod, Integer lastNObservations,
            Instant asOf, boolean includeHistory) {

        public Query {
            if (startPeriod != null && endPeriod != null && startPeriod.start().isAfter(endPeriod.end())) {
                throw ApiException.badParameter("startPeriod", "startPeriod " + startPeriod.text()
                        + " is after endPeriod " + endPeriod.text());
            }
        }
    }

    public ObservationSet observations(String indicatorId, Query query) {
        Indicator indicator = indicator(indicatorId);
        Instant knownAt = query.asOf() == null ? Instant.now() : query.asOf();
        var from = query.startPeriod() == null ? null : query.startPeriod().start();
        var to = query.endPeriod() == null ? null : query.endPeriod().end();
        List<ObservationVersion> known = query.includeHistory()
                ? versions.historyUntil(indicatorId, query.geo(), from, to, knownAt)
                : versions.knownAt(indicatorId, query.geo(), from, to, knownAt);
        if (query.lastNObservations() != null) {
            known = lastPeriodsPerSeries(known, query.lastNObservations());
        }
        ReleaseRef release = versions.latestVintage(indicatorId, knownAt).map(r -> new ReleaseRef(r.id, r.releasedAt))
                .orElse(null);
        return new ObservationSet(indicatorRef(indicator), query.asOf(), release,
                known.stream().map(v -> view(v, knownAt)).toList());
    }

    public ValueHistory history(String indicatorId, String geo, ReferencePeriod period) {
        Indicator indicator = indicator(indicatorId);
        Observation observation = series.find(indicatorId, geo)
                .flatMap(s -> observations.find(s, period.text()))
                .orElseThrow(() -> ApiException.notFound("Indicator '" + indicatorId + "' has no value for " + geo
                        + " in " + period.text()));
        Instant now = Instant.now();
        return new ValueHistory(indicatorRef(indicator), geo, period.text(),
                versions.history(observation).stream().map(v -> view(v, now)).toList());
    }

    public VintageList vintages(String indicatorId) {
        Indicator indicator = indicator(indicatorId);
        return new VintageList(indicatorRef(indicator),
                versions.vintages(indicatorId).stream().map(r -> new Vintage(r.id, r.releasedAt)).toList());
    }

    /** A version as a change: what it replaced, if anything, and what it is now. */
    public Change change(ObservationVersion version) {
        Optional<ObservationVersion> previous = versions.previous(version).filter(p -> !p.retracted);
        String kind = version.retracted ? "retracted" : previous.isPresent() ? "revised" : "added";
        Series changed = version.observation.series;
        return new Change(Long.toString(version.id), kind, changed.indicator.id, changed.geo, version.observation.period,
                version.release.id, version.realtimeStart, version.retracted ? null : state(version),
                previous.map(ObservationService::state).orElse(null), version.reason, citations(version));
    }

    /** A version as known at {@code knownAt}: a supersession after that instant was not known yet. */
    private ObservationView view(ObservationVersion version, Instant knownAt) {
        Series viewed = version.observation.series;
        Instant realtimeEnd = version.realtimeEnd != null && !version.realtimeEnd.isAfter(knownAt) ? version.realtimeEnd : null;
        return new ObservationView(viewed.geo, version.observation.period, version.value, version.low, version.high,
                unit(viewed.indicator), version.status, version.note, derivation(version.derivation), version.retracted,
                version.reason, version.release.id, version.realtimeStart, realtimeEnd, citations(version));
    }

    private static List<CitationView> citations(ObservationVersion version) {
        return version.citations.stream().map(c -> new CitationView(SourceViews.ref(c.document), c.quote,
                SourceViews.ref(c.publication))).toList();
    }

    private static ValueState state(ObservationVersion version) {
        return new ValueState(version.value, version.low, version.high, version.status);
    }

    private Indicator indicator(String indicatorId) {
        return indicators.findByIdOptional(indicatorId)
                .orElseThrow(() -> ApiException.notFound("No indicator '" + indicatorId + "'"));
    }

    public static IndicatorRef indicatorRef(Indicator indicator) {
        return new IndicatorRef(indicator.id, new KoreanEnglish(indicator.nameKo, indicator.nameEn), unit(indicator));
    }

    public static Unit unit(Indicator indicator) {
        return new Unit(indicator.unitCode, indicator.unitMultiplier);
    }

    /**
     * Keeps the versions of the latest n periods of each series. Versions arrive ordered by geo then period, so
     * those periods are at the end of each geo's run.
     */
    private static List<ObservationVersion> lastPeriodsPerSeries(List<ObservationVersion> ordered, int n) {
        Map<String, Map<String, List<ObservationVersion>>> byGeoAndPeriod = new LinkedHashMap<>();
        ordered.forEach(v -> byGeoAndPeriod.computeIfAbsent(v.observation.series.geo, g -> new LinkedHashMap<>())
                .computeIfAbsent(v.observation.period, p -> new ArrayList<>()).add(v));
        return byGeoAndPeriod.values().stream().flatMap(periods -> {
            List<List<ObservationVersion>> runs = new ArrayList<>(periods.values());
            return runs.subList(Math.max(0, runs.size() - n), runs.size()).stream().flatMap(List::stream);
        }).toList();
    }

    private Derivation derivation(String stored) {
        try {
            return stored == null ? null : json.readValue(stored, Derivation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored derivation is not JSON", e);
        }
    }
}
