package io.indicators.claim;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 17: a number as written in a sentence, checked against the catalogue. Every number a seed value states is
 * found again as that value, exactly; rounding, ranges and contradictions follow the stated policy.
 */
@QuarkusTest
public class ClaimCheckTest {

    private static final String CHECK = "/v1/claims/check";

    @Test
    void aJournalistPastesTheSentenceAndGetsTheSurveyValueWithItsQuote() {
        given().queryParam("text", "부족 인력은 8579명으로 집계됐다").get(CHECK).then().statusCode(200)
                .body("numbers[0].text", containsString("8579"))
                .body("numbers[0].readings[0].low", equalTo(8579))
                .body("numbers[0].readings[0].unit", equalTo("persons"))
                .body("verdicts[0].verdict", equalTo("exact"))
                .body("verdicts[0].indicator.id", equalTo("ai-workforce-shortfall"))
                .body("verdicts[0].value.geo", equalTo("KR"))
                .body("verdicts[0].value.period", equalTo("2023"))
                .body("verdicts[0].value.release", not(nullValue()))
                .body("verdicts[0].value.citations[0].quote", equalTo("부족 인력은 8579명으로 집계됐다"))
                .body("verdicts[0].value.citations[0].document.sha256", matchesPattern("[0-9a-f]{64}"))
                .body("verdicts[0].value.citations[0].publication.id", equalTo("spri-2023-ai-industry-survey"))
                .body("policy", containsString("rounds-to"))
                .body("release.id", not(nullValue()));
    }

    @Test
    void everyNumberTheSeedsStateFindsItsOwnValueExactly() {
        List<String> indicators = given().queryParam("limit", 100).get("/v1/indicators").path("items.id");
        int checked = 0;
        for (String indicator : indicators) {
            List<Map<String, Object>> values = given().get("/v1/indicators/" + indicator + "/observations")
                    .path("observations");
            for (Map<String, Object> value : values) {
                @SuppressWarnings("unchecked")
                Map<String, Object> asStated = (Map<String, Object>) value.get("asStated");
                if (asStated == null) {
                    continue;
                }
                Response check = given().queryParam("text", asStated.get("text")).queryParam("indicator", indicator)
                        .queryParam("geo", value.get("geo")).queryParam("period", value.get("period")).get(CHECK);
                check.then().statusCode(200);
                List<String> verdicts = check.path("verdicts.verdict");
                assertTrue(verdicts.contains("exact"), indicator + " " + value.get("geo") + " " + value.get("period")
                        + ": '" + asStated.get("text") + "' gave " + check.asString());
                checked++;
            }
        }
        assertTrue(checked >= 20, "only " + checked + " stated values were checked");
    }

    @Test
    void aRoundedFigureRoundsToTheValue() {
        given().queryParam("text", "about 8,600 people were missing").get(CHECK).then().statusCode(200)
                .body("verdicts.findAll { it.indicator.id == 'ai-workforce-shortfall' }.verdict", hasItem("rounds-to"));
    }

    @Test
    void aRangeIsFoundAsTheRangeItStates() {
        given().queryParam("text", "연봉은 30만~50만 달러 수준").get(CHECK).then().statusCode(200)
                .body("numbers[0].readings[0].low", equalTo(300000))
                .body("numbers[0].readings[0].high", equalTo(500000))
                .body("numbers[0].readings[0].unit", equalTo("usd"))
                .body("verdicts[0].verdict", equalTo("exact"));
    }

    @Test
    void aWrongNumberForANamedValueContradictsIt() {
        given().contentType("application/json")
                .body(Map.of("text", "부족 인력은 9579명이었다", "indicator", "ai-workforce-shortfall", "geo", "KR",
                        "period", "2023"))
                .post(CHECK).then().statusCode(200)
                .body("verdicts", not(empty()))
                .body("verdicts.verdict", everyItemIs("contradicts"))
                .body("verdicts[0].value.value", equalTo(8579));
    }

    @Test
    void aSentenceWithSeveralNumbersIsReadWhole() {
        Response check = given().contentType("application/json")
                .body(Map.of("text", "AI 부족 인력은 2020년 1609명에서 2023년 8579명으로 5.3배 늘었다"))
                .post(CHECK);
        check.then().statusCode(200);
        List<String> written = check.path("numbers.text");
        assertTrue(written.stream().anyMatch(text -> text.contains("1609")), written.toString());
        assertTrue(written.stream().anyMatch(text -> text.contains("5.3")), written.toString());
        List<Map<String, Object>> exact = check.path("verdicts.findAll { it.verdict == 'exact' }");
        List<Object> values = exact.stream().map(verdict -> (Object) ((Map<?, ?>) verdict.get("value")).get("value")).toList();
        assertTrue(values.contains(1609) && values.contains(8579), values.toString());
        assertTrue(exact.stream().anyMatch(verdict -> "ratio".equals(((Map<?, ?>) ((Map<?, ?>) verdict.get("indicator"))
                .get("unit")).get("code"))), "5.3배 finds the ratio: " + exact);
    }

    @Test
    void aClaimWithNothingToCompareGetsNoVerdictNotAnError() {
        given().queryParam("text", "no numbers here").get(CHECK).then().statusCode(200)
                .body("numbers", empty()).body("verdicts", empty()).body("truncated", equalTo(false));
        given().queryParam("text", "12345678명").get(CHECK).then().statusCode(200).body("verdicts", empty());
        // Before the first release there was nothing to compare with.
        given().queryParam("text", "8579명").queryParam("asOf", "2001-01-01T00:00:00Z").get(CHECK).then()
                .statusCode(200).body("verdicts", empty()).body("release", nullValue());
    }

    @Test
    void theSameQuestionGetsTheSameBytes() {
        Response first = given().queryParam("text", "0.79%").get(CHECK);
        Response second = given().queryParam("text", "0.79%").get(CHECK);
        assertEquals(first.asString(), second.asString());
        assertEquals(first.header("ETag"), second.header("ETag"));
        assertFalse(first.asString().isEmpty());
    }

    @Test
    void badClaimsAreProblems() {
        given().get(CHECK).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("text"));
        given().queryParam("text", "1".repeat(2_001)).get(CHECK).then().statusCode(400)
                .contentType("application/problem+json");
        given().queryParam("text", "8579").queryParam("indicator", "Not A Slug").get(CHECK).then().statusCode(400)
                .body("errors[0].parameter", equalTo("indicator"));
        given().queryParam("text", "8579").queryParam("period", "someday").get(CHECK).then().statusCode(400);
        given().noFilters().contentType("text/plain").body("8579").post(CHECK).then().statusCode(415)
                .contentType("application/problem+json");
        given().noFilters().contentType("application/json").body("{\"text\":\"8579\",\"extra\":1}").post(CHECK).then()
                .statusCode(400).contentType("application/problem+json");
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String verdict) {
        return org.hamcrest.Matchers.everyItem(equalTo(verdict));
    }
}
