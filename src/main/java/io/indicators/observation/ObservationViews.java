package io.indicators.observation;

import io.indicators.common.api.KoreanEnglish;
import io.indicators.common.api.Unit;
import io.indicators.release.ReleaseRequest.Derivation;
import io.indicators.source.SourceViews.DocumentRef;
import io.indicators.source.SourceViews.PublicationRef;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The wire shapes of {@code /v1/indicators/{id}/observations}. */
public final class ObservationViews {

    private ObservationViews() {
    }

    public record IndicatorRef(String id, KoreanEnglish name, Unit unit) {
    }

    public record ReleaseRef(String id, Instant releasedAt) {
    }

    public record CitationView(DocumentRef document, String quote, PublicationRef publication) {
    }

    /**
     * A value as known from {@code realtimeStart} until {@code realtimeEnd} (null while it is still current),
     * published in {@code release}.
     */
    public record ObservationView(String geo, String period, BigDecimal value, BigDecimal low, BigDecimal high, Unit unit,
            String status, String note, Derivation derivation, String release, Instant realtimeStart,
            Instant realtimeEnd, List<CitationView> citations) {
    }

    /** The answer to an observations query: what was known at {@code asOf}, as of {@code release}. */
    public record ObservationSet(IndicatorRef indicator, Instant asOf, ReleaseRef release,
            List<ObservationView> observations) {
    }
}
