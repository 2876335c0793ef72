package io.indicators.seed;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * Seeds are applied once, and an edited seed file becomes a new version, never an in-place edit. In-process (it
 * re-runs the loader), so it has no native twin.
 */
@QuarkusTest
@TestProfile(SeedLoaderTest.EditedSeedFile.class)
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
    void anEditedSeedValueIsANewVersionAndRestartsLoadNothingTwice() {
        assertEditedValueIsARevision();
        loader.onStart(null);
        loader.onStart(null);
        assertEditedValueIsARevision();
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
