package io.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ObservationResourceTest {

    private static final String SHORTFALL = "/v1/indicators/ai-workforce-shortfall/observations";

    @Test
    void shortfallSeriesHasBothValuesWithVerbatimCitations() {
        given().queryParam("geo", "KR")
                .when().get(SHORTFALL)
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("indicator.id", equalTo("ai-workforce-shortfall"))
                .body("indicator.unit.code", equalTo("persons"))
                .body("observations.period", contains("2020", "2023"))
                .body("observations.value", contains(1609, 8579))
                .body("observations.geo", everyItem(equalTo("KR")))
                .body("observations.status", everyItem(equalTo("observed")))
                .body("observations.unit.code", everyItem(equalTo("persons")))
                .body("observations[0].citations[0].quote", equalTo("3년 전(1609명)"))
                .body("observations[1].citations[0].quote", equalTo("부족 인력은 8579명으로 집계됐다"))
                .body("observations[1].citations[0].document.id", equalTo("hankyoreh-2024-ai-talent-silicon-valley"))
                .body("observations[1].citations[0].document.fileName", equalTo("004_68f1ed4171375629.txt"))
                .body("observations[1].citations[0].document.published.basis", equalTo("inferred"))
                .body("observations[1].citations[0].publication.id", equalTo("spri-2023-ai-industry-survey"))
                .body("observations[1].citations[0].publication.title.original", equalTo("2023 인공지능 산업 실태조사"))
                .body("observations[1].citations[0].publication.published.date", equalTo("2024-04"))
                .body("observations[1].realtimeStart", notNullValue())
                .body("observations[1].realtimeEnd", nullValue())
                .body("release.id", notNullValue());
    }

    @Test
    void asOfReturnsWhatWasKnownThen() {
        String firstRelease = "2026-11-ai-workforce-shortfall";
        Instant releasedAt = Instant.parse(given().get("/v1/releases/" + firstRelease).then().statusCode(200)
                .extract().path("releasedAt"));

        // Before its first release the indicator itself was not in the catalogue.
        given().queryParam("geo", "KR").queryParam("asOf", releasedAt.minusSeconds(1).toString())
                .when().get(SHORTFALL)
                .then().statusCode(404)
                .contentType("application/problem+json");

        given().queryParam("geo", "KR").queryParam("asOf", releasedAt.toString())
                .when().get(SHORTFALL)
                .then().statusCode(200)
                .body("observations.value", contains(1609, 8579))
                .body("release.id", equalTo(firstRelease));
    }

    @Test
    void periodFiltersKeepOverlappingPeriods() {
        given().queryParam("startPeriod", "2021").when().get(SHORTFALL)
                .then().statusCode(200).body("observations.period", contains("2023"));
        given().queryParam("endPeriod", "2022-06").when().get(SHORTFALL)
                .then().statusCode(200).body("observations.period", contains("2020"));
        given().queryParam("startPeriod", "2020-06").queryParam("endPeriod", "2023-01").when().get(SHORTFALL)
                .then().statusCode(200).body("observations.period", contains("2020", "2023"));
    }

    @Test
    void lastNObservationsKeepsTheLatestPerSeries() {
        given().queryParam("lastNObservations", 1).when().get(SHORTFALL)
                .then().statusCode(200)
                .body("observations", hasSize(1))
                .body("observations[0].period", equalTo("2023"));
    }

    @Test
    void unknownGeographyHasNoObservations() {
        given().queryParam("geo", "JP").when().get(SHORTFALL)
                .then().statusCode(200).body("observations", empty());
    }

    @Test
    void unknownIndicatorIsNotFound() {
        given().when().get("/v1/indicators/no-such-indicator/observations")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"))
                .body("detail", equalTo("No indicator 'no-such-indicator'"))
                .body("instance", equalTo("/v1/indicators/no-such-indicator/observations"));
    }

    @Test
    void malformedParametersAreBadRequestsNamingTheParameter() {
        assertBadParameter("startPeriod", "2023-13", "'2023-13' is not a reference period: it is not a calendar date");
        assertBadParameter("endPeriod", "last year", "'last year' is not a reference period: expected YYYY, YYYY-Qn, "
                + "YYYY-MM, YYYY-MM-DD or an interval of two of these such as 2014/2023");
        assertBadParameter("asOf", "yesterday", "asOf must be an RFC 3339 date-time with an offset, such as "
                + "2024-10-01T00:00:00Z, got 'yesterday'");
        assertBadParameter("asOf", "2999-01-01T00:00:00Z", "asOf is in the future; what will be known then is not known yet");
        assertBadParameter("lastNObservations", "0", "lastNObservations must be an integer from 1 to 1000, got '0'");
        assertBadParameter("lastNObservations", "many", "lastNObservations must be an integer from 1 to 1000, got 'many'");
        assertBadParameter("geo", "korea",
                "geo must be an ISO 3166-1 alpha-2 code (such as KR) or one of EU, WORLD, got 'korea'");
    }

    @Test
    void startAfterEndIsABadRequest() {
        given().queryParam("startPeriod", "2023").queryParam("endPeriod", "2020")
                .when().get(SHORTFALL)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.parameter", hasItem("startPeriod"))
                .body("detail", equalTo("startPeriod 2023 is after endPeriod 2020"));
    }

    private static void assertBadParameter(String parameter, String value, String detail) {
        given().queryParam(parameter, value)
                .when().get(SHORTFALL)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:indicator-api:problem:invalid-parameter"))
                .body("status", equalTo(400))
                .body("detail", equalTo(detail))
                .body("errors[0].parameter", equalTo(parameter));
    }
}
