package io.indicators.common.period;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference periods the API reads and writes: their first and last days, and what is not a period. */
class ReferencePeriodTest {

    @ParameterizedTest(name = "{0} runs from {1} to {2}")
    @CsvSource({
            "2023,       2023-01-01, 2023-12-31",
            "2023-Q1,    2023-01-01, 2023-03-31",
            "2023-Q2,    2023-04-01, 2023-06-30",
            "2023-Q3,    2023-07-01, 2023-09-30",
            "2023-Q4,    2023-10-01, 2023-12-31",
            "2024-02,    2024-02-01, 2024-02-29",
            "2023-02,    2023-02-01, 2023-02-28",
            "2025-10-31, 2025-10-31, 2025-10-31",
            "2020/2023,  2020-01-01, 2023-12-31",
            "2014/2023-Q2, 2014-01-01, 2023-06-30",
            "2023-11/2024-02, 2023-11-01, 2024-02-29",
    })
    void aPeriodRunsFromItsFirstToItsLastDay(String text, LocalDate start, LocalDate end) {
        ReferencePeriod period = ReferencePeriod.parse(text);
        assertEquals(text, period.text());
        assertEquals(start, period.start());
        assertEquals(end, period.end());
    }

    @ParameterizedTest(name = "''{0}'' is not a period")
    @ValueSource(strings = { "", " ", "23", "2023-Q0", "2023-Q5", "2023-13", "2023-00", "2023-02-30", "2023-1",
            "2023-W05", "2023/2023", "2024/2023", "2023/", "/2023", "2023/2024/2025", "two thousand" })
    void anythingElseIsRefusedWithTheReason(String text) {
        InvalidPeriodException refused = assertThrows(InvalidPeriodException.class, () -> ReferencePeriod.parse(text));
        assertTrue(refused.getMessage().contains("is not a reference period"), refused.getMessage());
    }

    @org.junit.jupiter.api.Test
    void noPeriodIsRefusedToo() {
        assertThrows(InvalidPeriodException.class, () -> ReferencePeriod.parse(null));
    }
}
