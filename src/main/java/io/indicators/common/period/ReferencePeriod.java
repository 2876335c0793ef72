package io.indicators.common.period;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SDMX-style reference period: a year ({@code 2023}), a quarter ({@code 2023-Q4}), a month ({@code 2024-10}),
 * a day ({@code 2024-10-05}), or an interval of two of these ({@code 2014/2023}). It covers the days from
 * {@code start} to {@code end} inclusive.
 */
public record ReferencePeriod(String text, LocalDate start, LocalDate end) {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    public static ReferencePeriod parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidPeriodException(text, "a period is required");
        }
        int slash = text.indexOf('/');
        if (slash < 0) {
            ReferencePeriod single = single(text);
            return single;
        }
        ReferencePeriod from = single(text.substring(0, slash));
        ReferencePeriod to = single(text.substring(slash + 1));
        if (!from.start.isBefore(to.start)) {
            throw new InvalidPeriodException(text, "an interval must start before it ends");
        }
        return new ReferencePeriod(text, from.start, to.end);
    }

    private static ReferencePeriod single(String text) {
        try {
            if (YEAR.matcher(text).matches()) {
                int year = Integer.parseInt(text);
                return new ReferencePeriod(text, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            Matcher quarter = QUARTER.matcher(text);
            if (quarter.matches()) {
                YearMonth first = YearMonth.of(Integer.parseInt(quarter.group(1)), 3 * Integer.parseInt(quarter.group(2)) - 2);
                return new ReferencePeriod(text, first.atDay(1), first.plusMonths(2).atEndOfMonth());
            }
            if (MONTH.matcher(text).matches()) {
                YearMonth month = YearMonth.parse(text);
                return new ReferencePeriod(text, month.atDay(1), month.atEndOfMonth());
            }
            if (DAY.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                return new ReferencePeriod(text, day, day);
            }
        } catch (DateTimeParseException e) {
            throw new InvalidPeriodException(text, "it is not a calendar date");
        }
        throw new InvalidPeriodException(text,
                "expected YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD or an interval of two of these such as 2014/2023");
    }
}
