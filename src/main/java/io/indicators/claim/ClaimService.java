package io.indicators.claim;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.indicators.claim.ClaimViews.ClaimCheck;
import io.indicators.claim.ClaimViews.ClaimRequest;
import io.indicators.claim.ClaimViews.Verdict;
import io.indicators.claim.WrittenNumbers.Reading;
import io.indicators.claim.WrittenNumbers.WrittenNumber;
import io.indicators.common.api.QueryParameters;
import io.indicators.common.catalogue.CatalogueHead;
import io.indicators.common.catalogue.CatalogueHead.Head;
import io.indicators.common.problem.ApiException;
import io.indicators.observation.ObservationService;
import io.indicators.observation.ObservationService.Bounds;
import io.indicators.observation.ObservationService.Found;
import io.indicators.observation.ObservationService.Scope;
import io.indicators.observation.ObservationViews.ObservationView;
import io.indicators.observation.ObservationViews.ReleaseRef;

/**
 * Checks the numbers of a sentence against the catalogue. Every reading of every number is looked up at once, and
 * each value found gets a verdict under one stated policy, so the same claim always gets the same answer.
 */
@ApplicationScoped
public class ClaimService {

    /** A claim is a sentence or two; longer texts are refused rather than read in part. */
    static final int MAX_TEXT = 2_000;
    /** The most verdicts one answer lists; {@code truncated} says when there were more. */
    static final int MAX_VERDICTS = 100;
    static final String POLICY = "exact: the value equals the written number (both ends of a range). rounds-to: the "
            + "value is within half a unit of the last non-zero digit written (8,600 for 8,579; 26만 for 260,000). "
            + "within-range: a written range holds the value, or a value's range holds the written number. "
            + "contradicts: a value of the indicator named in the request (and its geo and period, when named) that is "
            + "none of these. Units must agree when the text names one (명 persons, % percent, %p percentage points, "
            + "배 ratio, 원 KRW, 달러 USD); years, dates, times, durations and ages are read but not compared.";
    /** Units WrittenNumbers gives to time and age words: no catalogue value is in them, so none is looked up. */
    private static final Set<String> NOT_COMPARED = Set.of("year", "years", "months", "month", "day", "date", "time",
            "age");
    private static final List<String> STRENGTH = List.of("exact", "rounds-to", "within-range", "contradicts");

    private final ObservationService observations;
    private final CatalogueHead head;

    ClaimService(ObservationService observations, CatalogueHead head) {
        this.observations = observations;
        this.head = head;
    }

    /** A claim as a client sends it, its parameters checked here so that every way in refuses the same things. */
    public ClaimCheck check(ClaimRequest request) {
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw ApiException.badParameter("text", "text is required: the sentence whose numbers to check");
        }
        if (request.text().length() > MAX_TEXT) {
            throw ApiException.badParameter("text", "text must be at most " + MAX_TEXT + " characters; check one "
                    + "sentence at a time");
        }
        Scope scope = new Scope(QueryParameters.id("indicator", request.indicator()),
                QueryParameters.geo(request.geo()), QueryParameters.period("period", request.period()));
        return check(request.text(), scope, QueryParameters.pastInstant("asOf", request.asOf()));
    }

    private ClaimCheck check(String text, Scope scope, Instant asOf) {
        List<WrittenNumber> numbers = WrittenNumbers.find(text);
        List<Bounds> bounds = new ArrayList<>();
        List<int[]> readingOf = new ArrayList<>();
        for (int n = 0; n < numbers.size(); n++) {
            List<Reading> readings = numbers.get(n).readings();
            for (int r = 0; r < readings.size(); r++) {
                Reading reading = readings.get(r);
                if (reading.unit() == null || !NOT_COMPARED.contains(reading.unit())) {
                    BigDecimal half = roundingUnit(reading).divide(BigDecimal.TWO);
                    bounds.add(new Bounds(reading.low().subtract(half), reading.high().add(half), reading.unit()));
                    readingOf.add(new int[] { n, r });
                }
            }
        }
        List<Found> found = observations.near(bounds, scope, asOf, MAX_VERDICTS + 1);
        List<Verdict> verdicts = new ArrayList<>();
        for (Found value : found) {
            int[] at = readingOf.get(value.bounds());
            Reading reading = numbers.get(at[0]).readings().get(at[1]);
            verdicts.add(new Verdict(at[0], at[1], verdict(reading, value.value()), value.indicator(), value.value()));
        }
        boolean truncated = verdicts.size() > MAX_VERDICTS;
        List<Verdict> shown = verdicts.stream()
                .sorted(Comparator.comparingInt(Verdict::number).thenComparingInt(v -> STRENGTH.indexOf(v.verdict()))
                        .thenComparingInt(Verdict::reading))
                .limit(MAX_VERDICTS).toList();
        Head reflected = asOf == null ? head.current() : head.at(asOf);
        ReleaseRef release = reflected.releaseId() == null ? null
                : new ReleaseRef(reflected.releaseId(), reflected.releasedAt());
        return new ClaimCheck(text, asOf, release, POLICY, numbers, shown, truncated);
    }

    /**
     * The place of the last digit that carries information: what was written cannot be finer than its resolution,
     * and trailing zeros ("8,600", "26만") are taken as rounding.
     */
    static BigDecimal roundingUnit(Reading reading) {
        BigDecimal unit = reading.resolution();
        for (BigDecimal end : List.of(reading.low(), reading.high())) {
            if (end.signum() != 0) {
                unit = unit.max(end.stripTrailingZeros().ulp());
            }
        }
        return unit.stripTrailingZeros();
    }

    static String verdict(Reading reading, ObservationView value) {
        BigDecimal low = value.value() != null ? value.value() : value.low();
        BigDecimal high = value.value() != null ? value.value() : value.high();
        if (low.compareTo(reading.low()) == 0 && high.compareTo(reading.high()) == 0) {
            return "exact";
        }
        BigDecimal half = roundingUnit(reading).divide(BigDecimal.TWO);
        if (within(low, reading.low(), half) && within(high, reading.high(), half)) {
            return "rounds-to";
        }
        boolean writtenHoldsValue = reading.low().compareTo(low) <= 0 && high.compareTo(reading.high()) <= 0;
        boolean valueHoldsWritten = low.compareTo(reading.low()) <= 0 && reading.high().compareTo(high) <= 0;
        return writtenHoldsValue || valueHoldsWritten ? "within-range" : "contradicts";
    }

    private static boolean within(BigDecimal value, BigDecimal written, BigDecimal half) {
        return value.subtract(written).abs().compareTo(half) <= 0;
    }
}
