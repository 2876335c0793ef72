package io.indicators.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Issues 13 and 17: the primary publications the documents cite, listed and each as a reference to import, with
 * only what the catalogue records; no seed source states a schedule, so none has one and the calendar is empty.
 */
@QuarkusTest
public class PublicationsTest {

    private static final String SURVEY = "/v1/publications/spri-2023-ai-industry-survey";

    @Test
    void thePublicationsTheDocumentsCiteAreListed() {
        given().get("/v1/publications").then().statusCode(200)
                .body("items.id", hasItem("spri-2023-ai-industry-survey"))
                .body("items.find { it.id == 'spri-2023-ai-industry-survey' }.valueCount", greaterThan(0))
                .body("items.find { it.id == 'spri-2023-ai-industry-survey' }.cadence", nullValue())
                .body("items.find { it.id == 'spri-2023-ai-industry-survey' }",
                        not(org.hamcrest.Matchers.hasKey("nextExpected")));
    }

    @Test
    void aPublicationIsAReferenceToImportWithNothingInvented() {
        given().get(SURVEY).then().statusCode(200)
                .body("kind", equalTo("survey"))
                .body("published.basis", equalTo("inferred"))
                .body("url", nullValue());
        given().queryParam("format", "bibtex").get(SURVEY).then().statusCode(200)
                .contentType(startsWith("application/x-bibtex"))
                .body(startsWith("@techreport{spri-2023-ai-industry-survey,"))
                .body(containsString("institution = {소프트웨어정책연구소}"))
                .body(containsString("month = apr"))
                .body(containsString("inferred"))
                .body(not(containsString("url")));
        given().queryParam("format", "csl").get(SURVEY).then().statusCode(200)
                .body("[0].type", equalTo("report"))
                .body("[0].publisher", equalTo("소프트웨어정책연구소"))
                .body("[0].issued.date-parts[0]", equalTo(java.util.List.of(2024, 4)));
        given().queryParam("format", "ris").get(SURVEY).then().statusCode(200)
                .body(startsWith("TY  - RPRT\r\n")).body(containsString("PB  - 소프트웨어정책연구소"));
    }

    @Test
    void noSeedSourceGivesASchedule() {
        given().get("/v1/publications/calendar").then().statusCode(200)
                .contentType(startsWith("text/calendar"))
                .body(startsWith("BEGIN:VCALENDAR\r\n"))
                .body(not(containsString("BEGIN:VEVENT")));
    }

    @Test
    void unknownAndMalformedPublicationsAreProblems() {
        given().get("/v1/publications/no-such-survey").then().statusCode(404).contentType("application/problem+json");
        given().get("/v1/publications/Not_A_Slug").then().statusCode(400).contentType("application/problem+json");
    }
}
