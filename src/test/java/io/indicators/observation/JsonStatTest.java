package io.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 13: observations as a JSON-stat 2.0 dataset. The datasets read here are also written to target/jsonstat, where
 * {@code .ci/run} reads them with jsonstat-toolkit (src/contract/jsonstat-check.mjs), a reader that is not this code.
 */
@QuarkusTest
class JsonStatTest {

    static final Path SAMPLES = Path.of("target", "jsonstat");

    @Test
    void theShortfallIsACubeWithItsUnitStatusAndCitations() throws IOException {
        // Verified where the seed texts were at hand as the seeds were applied (tests), not verified otherwise.
        String verification = given().queryParam("geo", "KR").get("/v1/indicators/ai-workforce-shortfall/observations")
                .then().extract().path("observations[1].citations[0].verification.status");
        Response dataset = given().queryParam("geo", "KR").accept(JsonStat.MEDIA_TYPE)
                .get("/v1/indicators/ai-workforce-shortfall/observations");
        dataset.then().statusCode(200).contentType(startsWith(JsonStat.MEDIA_TYPE))
                .body("version", equalTo("2.0"))
                .body("class", equalTo("dataset"))
                .body("id", contains("indicator", "geo", "period"))
                .body("size", contains(1, 1, 2))
                .body("dimension.period.category.index.'2020'", equalTo(0))
                .body("dimension.period.category.index.'2023'", equalTo(1))
                .body("dimension.indicator.category.unit.ai-workforce-shortfall.label", equalTo("persons"))
                .body("role.time", contains("period"))
                .body("value", contains(1609, 8579))
                .body("status.'1'", equalTo("observed"))
                .body("extension.values.'1'.citations[0].quote", equalTo("부족 인력은 8579명으로 집계됐다"))
                .body("extension.values.'1'.citations[0].verification.status", equalTo(verification));
        save("ai-workforce-shortfall", dataset, given().queryParam("geo", "KR")
                .get("/v1/indicators/ai-workforce-shortfall/observations"));
    }

    @Test
    void aRangeHasABoundDimensionAndEveryGeographyAndPeriodACell() throws IOException {
        Response salary = given().queryParam("format", "jsonstat")
                .get("/v1/indicators/ai-developer-salary-offer-silicon-valley/observations");
        salary.then().statusCode(200)
                .body("id", contains("indicator", "geo", "period", "bound"))
                .body("size", contains(1, 1, 1, 2))
                .body("value", contains(300000, 500000));
        save("ai-developer-salary-offer-silicon-valley", salary,
                given().get("/v1/indicators/ai-developer-salary-offer-silicon-valley/observations"));
        Response levels = given().queryParam("format", "jsonstat").get("/v1/indicators/ai-technology-level/observations");
        levels.then().statusCode(200).body("size", contains(1, 5, 1));
        save("ai-technology-level", levels, given().get("/v1/indicators/ai-technology-level/observations"));
    }

    @Test
    void historyIsNotACube() {
        given().queryParam("format", "jsonstat").queryParam("includeHistory", "true")
                .get("/v1/indicators/ai-workforce-shortfall/observations")
                .then().statusCode(406).contentType("application/problem+json");
        given().queryParam("includeHistory", "true").get("/v1/indicators/ai-workforce-shortfall/observations")
                .then().statusCode(200);
    }

    /** The dataset and the JSON answer it must agree with, for the independent reader in CI. */
    private static void save(String name, Response dataset, Response json) throws IOException {
        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve(name + ".jsonstat.json"), dataset.asByteArray());
        Files.write(SAMPLES.resolve(name + ".json"), json.asByteArray());
    }
}
