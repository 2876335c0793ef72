package io.indicators.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.indicators.catalogue.SeedCatalogue.Key;
import io.indicators.common.api.Derivation;
import io.indicators.common.api.SeriesPoint;
import io.indicators.release.ReleaseRequest.ObservationInput;

/**
 * Every value the seeds mark as derived is recomputed from the values it names and must equal the stated figure
 * within the article's rounding; an inconsistency in an article fails here, naming both figures.
 */
class DerivedValuesTest {

    private final SeedCatalogue seeds = SeedCatalogue.load();

    @TestFactory
    Stream<DynamicTest> everyDerivedValueFollowsFromItsInputs() {
        List<ObservationInput> derived = seeds.current.values().stream().map(SeedCatalogue.Current::observation)
                .filter(o -> "derived".equals(o.status())).toList();
        assertFalse(derived.isEmpty(), "the catalogue has no derived value; this check would prove nothing");
        return derived.stream().map(observation -> DynamicTest.dynamicTest(Key.of(observation).toString(),
                () -> Derivations.problem(observation, seeds::observation).ifPresent(problem -> fail(problem))));
    }

    @Test
    void aFigureWithinHalfItsLastDecimalIsConsistent() {
        // 8579 / 1609 = 5.3318..., stated as "5.3배": within ±0.05.
        Derivations.Check check = new Derivations.Check(Derivations.compute("ratio", new BigDecimal("8579"),
                new BigDecimal("1609")), new BigDecimal("5.3"), Derivations.tolerance(new BigDecimal("5.3")));
        assertTrue(check.consistent());
        assertEquals(new BigDecimal("0.05"), check.tolerance());
    }

    @Test
    void operationsComputeAsTheSeedFormatDefinesThem() {
        assertSame("0.75", Derivations.compute("ratio", new BigDecimal("3"), new BigDecimal("4")));
        assertSame("75", Derivations.compute("percent-of", new BigDecimal("3"), new BigDecimal("4")));
        assertSame("-1", Derivations.compute("difference", new BigDecimal("3"), new BigDecimal("4")));
        assertSame("25", Derivations.compute("percent-change", new BigDecimal("5"), new BigDecimal("4")));
        assertSame("0.5", Derivations.tolerance(new BigDecimal("10")));
        assertSame("0.005", Derivations.tolerance(new BigDecimal("0.79")));
    }

    @Test
    void anInconsistentFigureIsReportedNotHidden() {
        Map<Key, ObservationInput> values = Map.of(
                new Key("x", "KR", "2023"), number("x", "2023", "8579"),
                new Key("x", "KR", "2020"), number("x", "2020", "1609"));
        ObservationInput wrong = new ObservationInput("growth", "KR", "2020/2023", null, new BigDecimal("5.4"), null,
                null, null, "derived", null, null, new Derivation("ratio", List.of(new SeriesPoint("x", "KR", "2023"),
                        new SeriesPoint("x", "KR", "2020"))),
                List.of());
        String problem = Derivations.problem(wrong, key -> Optional.ofNullable(values.get(key)))
                .orElseThrow(() -> new AssertionError("5.4 for 8579 / 1609 was not reported"));
        for (String part : List.of("INCONSISTENT", "states 5.4", "ratio(8579, 1609) = 5.331883", "±0.05")) {
            assertTrue(problem.contains(part), "«" + problem + "» should contain «" + part + "»");
        }

        ObservationInput missingInput = new ObservationInput("growth", "KR", "2019/2023", null, new BigDecimal("5.3"), null,
                null, null, "derived", null, null, new Derivation("ratio", List.of(new SeriesPoint("x", "KR", "2023"),
                        new SeriesPoint("x", "KR", "2019"))),
                List.of());
        String missing = Derivations.problem(missingInput, key -> Optional.ofNullable(values.get(key)))
                .orElseThrow(() -> new AssertionError("a missing input was not reported"));
        assertTrue(missing.contains("input b (x KR 2019)"), missing);
    }

    private static void assertSame(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + ", got " + actual);
    }

    private static ObservationInput number(String indicator, String period, String value) {
        return new ObservationInput(indicator, "KR", period, null, new BigDecimal(value), null, null, null, "observed",
                null, null, null, List.of());
    }
}
