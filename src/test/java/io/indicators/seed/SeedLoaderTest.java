package io.indicators.seed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.indicators.Publishing;
import io.indicators.Quotes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Seeds are applied once, and an edited seed file becomes a new version, never an in-place edit. In-process (it
 * re-runs the loader), so it has no native twin.
 */
@QuarkusTest
@TestProfile(SeedLoaderTest.EditedSeedFile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedLoaderTest {

    public static class EditedSeedFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("indicators.seeds.location", "seed-revision");
        }
    }

    @Inject
    SeedLoader loader;

    @Test
    @Order(1)
    void anEditedSeedValueIsANewVersionAndRestartsLoadNothingTwice() {
        assertEditedValueIsARevision();
        loader.onStart(null);
        loader.onStart(null);
        assertEditedValueIsARevision();
    }

    @Test
    @Order(2)
    void aSeedFileEditedAfterTheApiMovedOnIsRefusedAndRevertsNothing() {
        String head = given().get("/v1/releases").then().statusCode(200).extract().path("items[0].id");
        Publishing.asPublisher()
                .body(Map.of("release", Map.of("id", "test-api-correction", "description", "A correction through the API"),
                        "basedOn", head,
                        "observations", List.of(Map.of("indicator", "ai-workforce-shortfall", "geo", "KR",
                                "period", "2023", "periodBasis", Quotes.stated(), "value", 8590, "status", "observed",
                                "reason", "Corrected through the API", "citations", Quotes.cites(Quotes.shortfall2023())))))
                .post("/v1/releases").then().statusCode(201);

        assertTrue(loader.apply("releases/0001-edited-after-the-api-moved-on.yaml", head).isEmpty(),
                "a seed edited behind the API's back must be refused");

        given().queryParam("geo", "KR").queryParam("lastNObservations", 1)
                .get("/v1/indicators/ai-workforce-shortfall/observations")
                .then().statusCode(200).body("observations[0].value", equalTo(8590));
        given().get("/v1/releases").then().body("items[0].id", equalTo("test-api-correction"));
    }

    private static void assertEditedValueIsARevision() {
        given().queryParam("limit", 100).get("/v1/releases").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items[0].id", startsWith("2026-11-ai-workforce-shortfall."))
                .body("items[0].changes.revised", equalTo(1))
                .body("items[0].changes.added", equalTo(0))
                .body("items[1].id", equalTo("2026-11-ai-workforce-shortfall"));
        given().queryParam("geo", "KR").get("/v1/indicators/ai-workforce-shortfall/observations/2023/history")
                .then().statusCode(200)
                .body("versions.value", contains(8579, 8580));
    }
}
