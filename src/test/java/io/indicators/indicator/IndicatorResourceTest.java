package io.indicators.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IndicatorResourceTest {

    @Test
    void pagesThroughEveryIndicatorOnceInIdOrder() {
        int total = given().queryParam("limit", 100).get("/v1/indicators").then().statusCode(200)
                .body("next", nullValue()).extract().path("items.size()");
        assertTrue(total > 3, "the catalogue has more than one page of 3");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().queryParam("limit", 3)
                    .queryParam("cursor", cursor == null ? new Object[0] : new Object[] { cursor })
                    .get("/v1/indicators").then().statusCode(200)
                    .body("items", hasSize(lessThanOrEqualTo(3))).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("next");
        } while (cursor != null);
        assertEquals(total, seen.size());
        assertEquals(total, new HashSet<>(seen).size(), "no indicator twice");
        assertEquals(seen.stream().sorted().toList(), seen);
    }

    @Test
    void filtersByTopicGeographyAndText() {
        given().queryParam("topic", "shortage").get("/v1/indicators").then().statusCode(200)
                .body("items.id", hasItem("ai-workforce-shortfall"))
                .body("items.topics", everyItem(hasItem("shortage")));
        // Not empty first: every item of an empty list has KR too.
        given().queryParam("geo", "KR").get("/v1/indicators").then().statusCode(200)
                .body("items.id", hasItem("ai-workforce-shortfall"))
                .body("items.geos", everyItem(hasItem("KR")));
        given().queryParam("q", "SHORTFALL").get("/v1/indicators").then().statusCode(200)
                .body("items.id", hasItem("ai-workforce-shortfall"));
        given().queryParam("q", "부족 인력").get("/v1/indicators").then().statusCode(200)
                .body("items.id", hasItem("ai-workforce-shortfall"));
        given().queryParam("q", "100%_").get("/v1/indicators").then().statusCode(200).body("items", empty());
        given().queryParam("topic", "no-such-topic").get("/v1/indicators").then().statusCode(200)
                .body("items", empty()).body("next", nullValue());
    }

    @Test
    void detailListsSeriesAndSources() {
        given().get("/v1/indicators/ai-workforce-shortfall").then().statusCode(200)
                .body("id", equalTo("ai-workforce-shortfall"))
                .body("name.en", equalTo("AI workforce shortfall"))
                .body("name.ko", equalTo("인공지능 부문 부족 인력"))
                .body("unit.code", equalTo("persons"))
                .body("unit", not(hasKey("multiplier")))
                .body("valueKind", equalTo("number"))
                .body("series.geo", contains("KR"))
                .body("series[0].firstPeriod", equalTo("2020"))
                .body("series[0].lastPeriod", equalTo("2023"))
                .body("series[0].observationCount", equalTo(2))
                .body("sources.id", hasItem("hankyoreh-2024-ai-talent-silicon-valley"))
                .body("publications.id", hasItems("spri-2023-ai-industry-survey"));
    }

    @Test
    void errorsAreProblems() {
        given().get("/v1/indicators/nope").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No indicator 'nope'"))
                .body("instance", equalTo("/v1/indicators/nope"));
        for (String limit : List.of("0", "101", "ten")) {
            given().queryParam("limit", limit).get("/v1/indicators").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].parameter", equalTo("limit"))
                    .body("detail", equalTo("limit must be an integer from 1 to 100, got '" + limit + "'"));
        }
        given().queryParam("cursor", "!!not-a-cursor").get("/v1/indicators").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("cursor"));
        given().queryParam("topic", "Not A Topic").get("/v1/indicators").then().statusCode(400)
                .body("errors[0].parameter", equalTo("topic"));
    }

    @Test
    void vintagesListTheReleasesThatChangedTheIndicator() {
        given().get("/v1/indicators/ai-workforce-shortfall/vintages").then().statusCode(200)
                .body("indicator.id", equalTo("ai-workforce-shortfall"))
                .body("vintages[0].release", equalTo("2026-11-ai-workforce-shortfall"))
                .body("vintages[0].releasedAt", notNullValue());
    }
}
