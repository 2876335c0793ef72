package io.indicators.common.api;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.regex.Pattern;

import io.indicators.common.period.InvalidPeriodException;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.common.problem.ApiException;

/**
 * Parsing of query parameters. Parameters arrive as strings so that a malformed one is a 400 problem naming the
 * parameter, rather than JAX-RS's default 404 for a failed conversion.
 */
public final class QueryParameters {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
    /** What an id of the catalogue is (an indicator's, a document's, a publication's, a release's): one rule for all. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");

    private QueryParameters() {
    }

    public static int limit(String value) {
        return limit(value, DEFAULT_LIMIT);
    }

    public static int limit(String value, int defaultLimit) {
        return value == null ? defaultLimit : integer("limit", value, 1, MAX_LIMIT);
    }

    public static Integer optionalInteger(String name, String value, int min, int max) {
        return value == null ? null : integer(name, value, min, max);
    }

    private static int integer(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw ApiException.badParameter(name,
                name + " must be an integer from " + min + " to " + max + ", got '" + value + "'");
    }

    /**
     * An RFC 3339 instant with an offset, not in the future (the future is not known yet) and not before the year 1
     * (nothing was known then, and PostgreSQL's timestamps end in 4713 BC).
     */
    public static Instant pastInstant(String name, String value) {
        if (value == null) {
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException | ArithmeticException e) {
            throw ApiException.badParameter(name, name + " must be an RFC 3339 date-time with an offset, such as "
                    + "2024-10-01T00:00:00Z, got '" + value + "'");
        }
        if (instant.isBefore(EARLIEST)) {
            throw ApiException.badParameter(name, name + " must be in the year 1 or later, got '" + value + "'");
        }
        if (instant.isAfter(Instant.now())) {
            throw ApiException.badParameter(name, name + " is in the future; what will be known then is not known yet");
        }
        return instant;
    }

    public static ReferencePeriod period(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return ReferencePeriod.parse(value);
        } catch (InvalidPeriodException e) {
            throw ApiException.badParameter(name, e.getMessage());
        }
    }

    public static boolean flag(String name, String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.badParameter(name, name + " must be true or false, got '" + value + "'");
    }

    public static String requiredGeo(String value) {
        if (value == null) {
            throw ApiException.badParameter("geo", "geo is required: the value of which series?");
        }
        return geo(value);
    }

    public static String geo(String value) {
        if (value != null && !Geo.isValid(value)) {
            throw ApiException.badParameter("geo", "geo must be " + Geo.EXPECTED + ", got '" + value + "'");
        }
        return value;
    }

    /** An id of the catalogue, as {@link #ID} says. */
    public static String id(String name, String value) {
        if (value != null && !ID.matcher(value).matches()) {
            throw ApiException.badParameter(name, name + " must be an id such as ai-workforce-shortfall (lower-case "
                    + "letters, digits, '-' and '.', at most 100), got '" + value + "'");
        }
        return value;
    }

    public static String topic(String value) {
        if (value != null && !SLUG.matcher(value).matches()) {
            throw ApiException.badParameter("topic", "topic must be a lower-case slug such as workforce, got '" + value + "'");
        }
        return value;
    }

    public static String text(String name, String value) {
        if (value != null && (value.isBlank() || value.length() > 200)) {
            throw ApiException.badParameter(name, name + " must be 1 to 200 characters");
        }
        return value;
    }

    /** Cursors are opaque to clients: the position they encode may change shape without a new API version. */
    public static String cursor(String position) {
        return position == null ? null
                : Base64.getUrlEncoder().withoutPadding().encodeToString(("v1:" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor that encodes a value version's id: the last one on the previous page; 0 without a cursor. */
    public static long versionPosition(String cursor) {
        String position = position(cursor);
        try {
            return position == null ? 0 : Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    public static String position(String cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith("v1:") && decoded.length() > 3) {
                return decoded.substring(3);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw invalidCursor();
    }

    private static ApiException invalidCursor() {
        return ApiException.badParameter("cursor", "cursor is not one this API returned; start again without it");
    }
}
