package io.indicators.indicator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Issue 13: an indicator as a schema.org Dataset in JSON-LD, with its unit, coverage and sources. */
@QuarkusTest
class DatasetJsonLdTest {

    @Test
    void theShortfallIsADatasetWithItsSources() {
        given().accept("application/ld+json").get("/v1/indicators/ai-workforce-shortfall").then().statusCode(200)
                .contentType(startsWith("application/ld+json"))
                .body("'@context'", equalTo("https://schema.org"))
                .body("'@type'", equalTo("Dataset"))
                .body("identifier", equalTo("ai-workforce-shortfall"))
                .body("name.find { it.'@language' == 'ko' }.'@value'", equalTo("인공지능 부문 부족 인력"))
                .body("variableMeasured.unitText", equalTo("persons"))
                .body("spatialCoverage.identifier", hasItem("KR"))
                .body("temporalCoverage", equalTo("2020-01-01/2023-12-31"))
                .body("citation[0].identifier[0]", equalTo("hankyoreh-2024-ai-talent-silicon-valley"))
                .body("citation[0].identifier[1].value",
                        equalTo("ca2705a8951167651db199f0be3c801f4c66cb167cbefbce100c4c61cad34e59"))
                .body("citation[0].datePublished", equalTo("2024-09"))
                .body("isBasedOn.identifier", hasItem("spri-2023-ai-industry-survey"));
        given().queryParam("format", "jsonld").get("/v1/indicators/ai-workforce-shortfall").then().statusCode(200)
                .contentType(startsWith("application/ld+json"));
    }
}
