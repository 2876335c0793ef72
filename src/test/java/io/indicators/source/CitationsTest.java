package io.indicators.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 13: a source as a reference a reference manager imports, with only what the catalogue records: the day a
 * document states, the month an inference gives (said to be inferred), no date where none is known, no URL.
 */
@QuarkusTest
class CitationsTest {

    @Test
    void aDocumentWithAnInferredMonthAsBibTeX() {
        given().accept("application/x-bibtex").get("/v1/sources/hankyoreh-2024-ai-talent-silicon-valley")
                .then().statusCode(200).contentType(startsWith("application/x-bibtex"))
                .body(startsWith("@article{hankyoreh-2024-ai-talent-silicon-valley,\n"))
                .body(containsString("  author = {선담은},\n"))
                .body(containsString("  journal = {한겨레},\n"))
                .body(containsString("  year = {2024},\n  month = sep,\n"))
                .body(containsString("ca2705a8951167651db199f0be3c801f4c66cb167cbefbce100c4c61cad34e59"))
                .body(containsString("The publication date is inferred"))
                .body(not(containsString("url =")));
    }

    @Test
    void aStatedDayAsRisAndAnUnknownDateAsCslJson() {
        given().queryParam("format", "ris").get("/v1/sources/joongang-2018-openai-hires-korean-ai-developer")
                .then().statusCode(200).contentType(startsWith("application/x-research-info-systems"))
                .body(startsWith("TY  - NEWS\r\n"))
                .body(containsString("PY  - 2018\r\nDA  - 2018/08/27/\r\n"))
                .body(containsString("ER  - \r\n"))
                .body(not(containsString("inferred")));
        given().queryParam("format", "csl").get("/v1/sources/news1-2025-kmslab-bae-heejeong-interview")
                .then().statusCode(200).contentType(startsWith("application/vnd.citationstyles.csl+json"))
                .body("[0].type", equalTo("article-newspaper"))
                .body("[0].container-title", equalTo("뉴스1"))
                .body("[0]", not(hasKey("issued")))
                .body("[0].note", containsString("The publication date is unknown"));
        given().queryParam("format", "bibtex").get("/v1/indicators/ai-workforce-shortfall").then().statusCode(406);
    }
}
