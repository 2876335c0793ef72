package io.indicators.common.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.indicators.common.problem.ApiException;

/** The query parameters every operation shares: what each takes, and the parameter a refusal names. */
class QueryParametersTest {

    @Test
    void limitDefaultsAndStaysInItsRange() {
        assertEquals(QueryParameters.DEFAULT_LIMIT, QueryParameters.limit(null));
        assertEquals(1, QueryParameters.limit("1"));
        assertEquals(QueryParameters.MAX_LIMIT, QueryParameters.limit("100"));
        for (String refused : new String[] { "0", "101", "-1", "ten", "", "1.5", "99999999999" }) {
            assertRefused("limit", () -> QueryParameters.limit(refused));
        }
    }

    @Test
    void anInstantIsPastAndCarriesAnOffset() {
        assertNull(QueryParameters.pastInstant("asOf", null));
        assertEquals(Instant.parse("2024-10-01T00:00:00Z"), QueryParameters.pastInstant("asOf", "2024-10-01T09:00:00+09:00"));
        String tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        for (String refused : new String[] { "2024-10-01", "2024-10-01T00:00:00", "yesterday", "", "-4714-01-01T00:00:00Z",
                "0000-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z", tomorrow }) {
            assertRefused("asOf", () -> QueryParameters.pastInstant("asOf", refused));
        }
    }

    @Test
    void aFlagIsTrueOrFalse() {
        assertFalse(QueryParameters.flag("includeHistory", null));
        assertFalse(QueryParameters.flag("includeHistory", "false"));
        assertTrue(QueryParameters.flag("includeHistory", "true"));
        assertRefused("includeHistory", () -> QueryParameters.flag("includeHistory", "yes"));
        assertRefused("includeHistory", () -> QueryParameters.flag("includeHistory", "TRUE"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ai-workforce-shortfall", "2026-11-full-catalogue", "a", "v1.2" })
    void idsAreLowerCaseSlugs(String id) {
        assertEquals(id, QueryParameters.id("id", id));
    }

    @ParameterizedTest
    @ValueSource(strings = { "AI", "-leading-dash", "has space", "under_score", "ünicode", "" })
    void otherIdsAreRefused(String id) {
        assertRefused("indicator", () -> QueryParameters.id("indicator", id));
    }

    @Test
    void aCursorIsOpaqueAndOnlyOursAreTaken() {
        String cursor = QueryParameters.cursor("42");
        assertFalse(cursor.contains("42"), "a cursor does not show the position it encodes");
        assertEquals("42", QueryParameters.position(cursor));
        assertEquals(42, QueryParameters.versionPosition(cursor));
        assertEquals(0, QueryParameters.versionPosition(null));
        for (String refused : new String[] { "42", "not base64!", QueryParameters.cursor("x").substring(1), "djE6" }) {
            assertRefused("cursor", () -> QueryParameters.position(refused));
        }
        assertRefused("cursor", () -> QueryParameters.versionPosition(QueryParameters.cursor("not-a-number")));
    }

    @Test
    void textIsOneToTwoHundredCharacters() {
        assertEquals("shortfall", QueryParameters.text("q", "shortfall"));
        assertRefused("q", () -> QueryParameters.text("q", " "));
        assertRefused("q", () -> QueryParameters.text("q", "x".repeat(201)));
    }

    private static void assertRefused(String parameter, Runnable parse) {
        ApiException refused = assertThrows(ApiException.class, parse::run);
        assertEquals(ApiException.Kind.INVALID_PARAMETER, refused.kind());
        assertEquals(parameter, refused.errors().get(0).parameter(), refused.getMessage());
    }
}
