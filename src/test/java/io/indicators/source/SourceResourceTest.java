package io.indicators.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SourceResourceTest {

    private static final String HANKYOREH = "hankyoreh-2024-ai-talent-silicon-valley";

    @Test
    void listsEveryDocumentWithItsHashAndPublications() {
        given().queryParam("limit", 100).get("/v1/sources").then().statusCode(200)
                .body("items", hasSize(5))
                .body("items.fileName", hasItems("000_f1c96459bc07abba.txt", "004_68f1ed4171375629.txt"))
                .body("items.find { it.id == '" + HANKYOREH + "' }.sha256",
                        equalTo("ca2705a8951167651db199f0be3c801f4c66cb167cbefbce100c4c61cad34e59"))
                .body("items.find { it.id == '" + HANKYOREH + "' }.cites.id", hasItem("spri-2023-ai-industry-survey"))
                .body("items.find { it.id == '" + HANKYOREH + "' }.published.basis", equalTo("inferred"));
    }

    @Test
    void aSourceShowsEveryValueDrawnFromItWithItsQuote() {
        given().get("/v1/sources/" + HANKYOREH).then().statusCode(200)
                .body("id", equalTo(HANKYOREH))
                .body("values.size()", greaterThanOrEqualTo(3))
                .body("values.find { it.indicator == 'ai-workforce-shortfall' && it.period == '2023' }.value", equalTo(8579))
                .body("values.find { it.indicator == 'ai-workforce-shortfall' && it.period == '2023' }.quote",
                        equalTo("부족 인력은 8579명으로 집계됐다"))
                .body("values.find { it.indicator == 'ai-workforce-total' }.value", equalTo(51425));
    }

    @Test
    void unknownSourceIsAProblem() {
        given().get("/v1/sources/nope").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("No source 'nope'"));
    }
}
