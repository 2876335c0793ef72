package io.indicators.observation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.indicators.common.api.AsStated;
import io.indicators.common.api.Derivation;
import io.indicators.common.api.KoreanEnglish;
import io.indicators.common.api.PeriodBasis;
import io.indicators.common.api.Selectors;
import io.indicators.common.api.Unit;
import io.indicators.common.api.Verification;
import io.indicators.source.SourceViews.DocumentRef;
import io.indicators.source.SourceViews.PublicationRef;

/** The wire shapes of {@code /v1/indicators/{id}/observations}. */
public final class ObservationViews {

    private ObservationViews() {
    }

    public record IndicatorRef(String id, KoreanEnglish name, Unit unit) {
    }

    public record ReleaseRef(String id, Instant releasedAt) {
    }

    /** A quote, where it is in its document, whether it was checked there, and the publication it reports. */
    public record CitationView(DocumentRef document, String quote, Selectors selectors, Verification verification,
            @JsonInclude(JsonInclude.Include.NON_NULL) PublicationRef publication) {
    }

    /**
     * A value as known from {@code realtimeStart} until {@code realtimeEnd} (null while it is still current),
     * published in {@code release}.
     */
    public record ObservationView(String geo, String period, PeriodBasis periodBasis, BigDecimal value, BigDecimal low,
            BigDecimal high, @JsonInclude(JsonInclude.Include.NON_NULL) AsStated asStated, Unit unit, String status,
            String note, @JsonInclude(JsonInclude.Include.NON_NULL) Derivation derivation,
            boolean retracted, String reason, String release, Instant realtimeStart, Instant realtimeEnd,
            List<CitationView> citations) {
    }

    /** The revisions of one value, oldest first. */
    public record ValueHistory(IndicatorRef indicator, String geo, String period, List<ObservationView> versions) {
    }

    /** An instant at which an indicator's values changed, and the release that changed them. */
    public record Vintage(String release, Instant releasedAt) {
    }

    public record VintageList(IndicatorRef indicator, List<Vintage> vintages) {
    }

    /** A value as it stood before or after a change. */
    public record ValueState(BigDecimal value, BigDecimal low, BigDecimal high, String status) {
    }

    /**
     * One change to one value: {@code added} (no earlier value), {@code revised} (replaced {@code previous}), or
     * {@code retracted} (withdrawn; {@code current} is null).
     */
    public record Change(String id, String kind, String indicator, KoreanEnglish indicatorName, String geo, String period,
            Unit unit, String release,
            Instant realtimeStart, @JsonInclude(JsonInclude.Include.NON_NULL) ValueState current,
            @JsonInclude(JsonInclude.Include.NON_NULL) ValueState previous, String reason, List<CitationView> citations) {
    }

    /** One page of what a release changed; {@code next} is the cursor of the following page, null on the last. */
    public record ReleaseChanges(ReleaseRef release, List<Change> changes, String next) {
    }

    /**
     * The answer to an observations query: what was known at {@code asOf}, as of {@code release}; with
     * {@code publishedBy}, only what the world could read by then.
     */
    public record ObservationSet(IndicatorRef indicator, Instant asOf,
            @JsonInclude(JsonInclude.Include.NON_NULL) String publishedBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) ReleaseRef release,
            List<ObservationView> observations) {
    }
}
