package io.indicators.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.indicators.Publishing;
import io.indicators.Quotes;
import io.indicators.observation.TidyCsvTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Issue 13: the whole catalogue of a release as one CSV, the same bytes for ever, with its SHA-256 beside it and a
 * {@code latest} alias.
 */
@QuarkusTest
@TestProfile(SnapshotTest.OwnCatalogue.class)
class SnapshotTest {

    /** A catalogue of its own: this test publishes. */
    public static class OwnCatalogue implements QuarkusTestProfile {
    }

    private static final String FULL = "/v1/releases/2026-11-full-catalogue/snapshot";

    @Test
    void aReleaseSnapshotIsTheWholeCatalogueAndNeverChanges() throws NoSuchAlgorithmException {
        Response snapshot = given().get(FULL);
        snapshot.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .header("Content-Disposition", equalTo("attachment; filename=\"indicator-api-2026-11-full-catalogue.csv\""));
        List<Map<String, String>> rows = TidyCsvTest.parse(snapshot.asString());
        assertEquals(37, rows.size(), "every seed value is current after the full catalogue");
        assertTrue(rows.stream().allMatch(row -> !row.get("quote").isEmpty() && row.get("document_sha256").length() == 64));
        assertTrue(rows.stream().anyMatch(row -> row.get("value").equals("260000") && row.get("as_stated").equals("26만 장")));

        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(snapshot.asByteArray()));
        given().get(FULL + ".sha256").then().statusCode(200)
                .body(equalTo(sha256 + "  indicator-api-2026-11-full-catalogue.csv\n"));
        given().header("If-None-Match", snapshot.header("ETag")).get(FULL).then().statusCode(304);

        // A later release changes the catalogue, not the snapshot of an earlier one.
        String head = given().get("/v1/releases").then().extract().path("items[0].id");
        Publishing.asPublisher()
                .body(Map.of("release", Map.of("id", "test-after-snapshot", "description", "Revises a value"),
                        "basedOn", head, "observations", List.of(Map.of("indicator", "ai-workforce-total", "geo", "KR",
                                "period", "2023", "periodBasis", Quotes.stated(), "value", 51426, "status", "observed",
                                "reason", "Test", "citations", Quotes.cites(Quotes.threeCountries())))))
                .post("/v1/releases").then().statusCode(201);
        assertArrayEquals(snapshot.asByteArray(), given().get(FULL).asByteArray());

        given().redirects().follow(false).get("/v1/releases/latest/snapshot").then().statusCode(307)
                .header("Location", endsWith("/v1/releases/test-after-snapshot/snapshot"));
        List<Map<String, String>> latest = TidyCsvTest.parse(given().get("/v1/releases/latest/snapshot").asString());
        assertTrue(latest.stream().anyMatch(row -> row.get("value").equals("51426")));
        given().get("/v1/releases/nope/snapshot").then().statusCode(404);
    }

    @Test
    void latestIsNotAReleaseId() {
        String head = given().get("/v1/releases").then().extract().path("items[0].id");
        Publishing.asPublisher()
                .body(Map.of("release", Map.of("id", "latest", "description", "x"), "basedOn", head,
                        "observations", List.of(Map.of("indicator", "ai-workforce-total", "geo", "KR", "period", "2020",
                                "periodBasis", Quotes.stated(), "value", 1, "status", "observed",
                                "citations", Quotes.cites(Quotes.threeCountries())))))
                .post("/v1/releases").then().statusCode(422).body("errors.pointer", hasItem("/release/id"));
    }
}
