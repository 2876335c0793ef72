package io.indicators.indicator;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.indicators.common.api.KoreanEnglish;
import io.indicators.common.api.Unit;
import io.indicators.source.SourceViews.DocumentRef;
import io.indicators.source.SourceViews.PublicationRef;

/** The wire shapes of {@code /v1/indicators}. */
public final class IndicatorViews {

    private IndicatorViews() {
    }

    public record IndicatorSummary(String id, KoreanEnglish name,
            @JsonInclude(JsonInclude.Include.NON_NULL) KoreanEnglish description, Unit unit, String frequency,
            String valueKind, List<String> topics, List<String> geos) {
    }

    /** A series with its current values' span. */
    public record SeriesSummary(String geo, String firstPeriod, String lastPeriod, int observationCount) {
    }

    public record IndicatorDetail(String id, KoreanEnglish name,
            @JsonInclude(JsonInclude.Include.NON_NULL) KoreanEnglish description, Unit unit, String frequency,
            String valueKind, List<String> topics, List<SeriesSummary> series, List<DocumentRef> sources,
            List<PublicationRef> publications) {
    }
}
