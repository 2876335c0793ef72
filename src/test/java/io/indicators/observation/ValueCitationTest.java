package io.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 13: one value's citation to import into a reference manager, with the value and the verbatim quote (and
 * where it is in the text) in the note, and nothing the catalogue does not record.
 */
@QuarkusTest
class ValueCitationTest {

    private static final String SHORTFALL_2023 = "/v1/indicators/ai-workforce-shortfall/observations/2023/citation";

    @Test
    void aValueIsCitedWithItsQuoteAndWhereItIs() {
        given().queryParam("geo", "KR").get(SHORTFALL_2023).then().statusCode(200)
                .body("value.value", equalTo(8579))
                .body("value.citations[0].quote", equalTo("부족 인력은 8579명으로 집계됐다"));
        given().queryParam("geo", "KR").queryParam("format", "bibtex").get(SHORTFALL_2023).then().statusCode(200)
                .contentType(startsWith("application/x-bibtex"))
                .body(startsWith("@article{hankyoreh-2024-ai-talent-silicon-valley:ai-workforce-shortfall:KR:2023,"))
                .body(containsString("8579 persons"))
                .body(containsString("Quoted: “부족 인력은 8579명으로 집계됐다” (code points 1260–1279 of the text)"))
                .body(containsString("The document cites 2023 인공지능 산업 실태조사"))
                .body(containsString("inferred"));
        given().queryParam("geo", "KR").queryParam("format", "csl").get(SHORTFALL_2023).then().statusCode(200)
                .body("[0].type", equalTo("article-newspaper"))
                .body("[0].note", containsString("8579 persons"));
        given().queryParam("geo", "KR").queryParam("format", "ris").get(SHORTFALL_2023).then().statusCode(200)
                .body(startsWith("TY  - NEWS\r\n")).body(containsString("N1  - ai-workforce-shortfall"));
    }

    @Test
    void aRangeIsCitedAsItsRange() {
        given().queryParam("geo", "US").queryParam("format", "bibtex")
                .get("/v1/indicators/ai-developer-salary-offer-silicon-valley/observations/2018/citation").then()
                .statusCode(200).body(containsString("300000–500000 usd"));
    }

    @Test
    void aValueThatIsNotThereIsAProblem() {
        given().queryParam("geo", "KR").get("/v1/indicators/ai-workforce-shortfall/observations/1999/citation").then()
                .statusCode(404).contentType("application/problem+json");
        given().get(SHORTFALL_2023).then().statusCode(400).body("errors[0].parameter", equalTo("geo"));
    }
}
