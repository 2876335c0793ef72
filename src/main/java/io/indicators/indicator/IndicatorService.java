package io.indicators.indicator;

import io.indicators.common.api.KoreanEnglish;
import io.indicators.common.api.Page;
import io.indicators.common.problem.ApiException;
import io.indicators.indicator.IndicatorViews.IndicatorDetail;
import io.indicators.indicator.IndicatorViews.IndicatorSummary;
import io.indicators.indicator.IndicatorViews.SeriesSummary;
import io.indicators.observation.Citation;
import io.indicators.observation.ObservationService;
import io.indicators.observation.ObservationVersion;
import io.indicators.observation.ObservationVersionRepository;
import io.indicators.observation.SeriesRepository;
import io.indicators.source.SourceViews;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IndicatorService {

    private final IndicatorRepository indicators;
    private final SeriesRepository series;
    private final ObservationVersionRepository versions;

    IndicatorService(IndicatorRepository indicators, SeriesRepository series, ObservationVersionRepository versions) {
        this.indicators = indicators;
        this.series = series;
        this.versions = versions;
    }

    public Page<IndicatorSummary> search(String topic, String geo, String text, String afterId, int limit) {
        return Page.of(indicators.search(topic, geo, text, afterId, limit + 1), limit, i -> i.id, this::summary);
    }

    public IndicatorDetail detail(String id) {
        Indicator indicator = indicators.findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("No indicator '" + id + "'"));
        List<ObservationVersion> current = versions.knownAt(id, null, null, null, Instant.now());
        Map<String, List<ObservationVersion>> byGeo = new LinkedHashMap<>();
        current.forEach(v -> byGeo.computeIfAbsent(v.observation.series.geo, g -> new ArrayList<>()).add(v));
        List<SeriesSummary> seriesSummaries = byGeo.entrySet().stream()
                .map(e -> new SeriesSummary(e.getKey(), e.getValue().getFirst().observation.period,
                        e.getValue().getLast().observation.period, e.getValue().size()))
                .toList();
        List<Citation> citations = current.stream().flatMap(v -> v.citations.stream()).toList();
        return new IndicatorDetail(indicator.id, new KoreanEnglish(indicator.nameKo, indicator.nameEn),
                description(indicator), ObservationService.unit(indicator), indicator.frequency, indicator.valueKind,
                Arrays.asList(indicator.topics), seriesSummaries,
                citations.stream().map(c -> c.document).distinct().map(SourceViews::ref).toList(),
                citations.stream().map(c -> c.publication).filter(Objects::nonNull).distinct().map(SourceViews::ref).toList());
    }

    private IndicatorSummary summary(Indicator indicator) {
        return new IndicatorSummary(indicator.id, new KoreanEnglish(indicator.nameKo, indicator.nameEn),
                description(indicator), ObservationService.unit(indicator), indicator.frequency, indicator.valueKind,
                Arrays.asList(indicator.topics), series.ofIndicator(indicator.id).stream().map(s -> s.geo).toList());
    }

    private static KoreanEnglish description(Indicator indicator) {
        return indicator.descriptionKo == null && indicator.descriptionEn == null ? null
                : new KoreanEnglish(indicator.descriptionKo, indicator.descriptionEn);
    }
}
