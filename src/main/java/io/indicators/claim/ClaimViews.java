package io.indicators.claim;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.indicators.claim.WrittenNumbers.WrittenNumber;
import io.indicators.observation.ObservationViews.IndicatorRef;
import io.indicators.observation.ObservationViews.ObservationView;
import io.indicators.observation.ObservationViews.ReleaseRef;

/** The wire shapes of {@code /v1/claims/check}. */
public final class ClaimViews {

    private ClaimViews() {
    }

    /** A claim to check: a sentence with numbers in it, and optionally where in the catalogue to look. */
    public record ClaimRequest(String text, String indicator, String geo, String period, String asOf) {
    }

    /**
     * How one catalogue value bears on one reading of one written number: {@code exact}, {@code rounds-to},
     * {@code within-range} or {@code contradicts}.
     */
    public record Verdict(int number, int reading, String verdict, IndicatorRef indicator, ObservationView value) {
    }

    /**
     * The numbers found in a claim, every way each can be read, and the catalogue values that support or contradict
     * them as known at {@code asOf} (the newest release when null), under {@code policy}.
     */
    public record ClaimCheck(String text, Instant asOf, @JsonInclude(JsonInclude.Include.NON_NULL) ReleaseRef release,
            String policy,
            List<WrittenNumber> numbers, List<Verdict> verdicts, boolean truncated) {
    }
}
