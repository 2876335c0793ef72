package io.indicators.source;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.indicators.IsolatedCatalogue;
import io.indicators.Publishing;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

/**
 * Issue 17: a publication whose source states its schedule is on the release calendar, which a calendar library
 * that is not the service's own code (ical4j) reads back: one all-day event spanning the expected month.
 */
@QuarkusTest
@TestProfile(IsolatedCatalogue.class)
public class ReleaseCalendarTest {

    @Test
    void aStatedScheduleIsOnTheCalendar() throws Exception {
        Map<String, Object> publication = Map.of("id", "test-annual-survey",
                "publisher", Map.of("original", "테스트 연구소, 서울", "en", "Test Institute"),
                "title", Map.of("original", "연간 조사; 2026", "en", "Annual survey; 2026"), "kind", "survey",
                "published", Map.of("date", "2026-04", "precision", "month", "basis", "stated", "evidence", "April 2026"),
                "cadence", "annual",
                "nextExpected", Map.of("date", "2027-04", "precision", "month", "basis", "stated",
                        "evidence", "The institute says the next edition comes out in April 2027, as every year."));
        Publishing.asPublisher()
                .body(Map.of("release", Map.of("id", "test-calendar", "description", "A publication with a schedule"),
                        "basedOn", given().get("/v1/releases").then().extract().path("items[0].id"),
                        "publications", List.of(publication)))
                .post("/v1/releases").then().statusCode(201);

        given().get("/v1/publications/test-annual-survey").then().statusCode(200)
                .body("cadence", equalTo("annual")).body("nextExpected.date", equalTo("2027-04"));

        String ics = given().get("/v1/publications/calendar").then().statusCode(200).extract().asString();
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents("VEVENT");
        VEvent event = events.stream()
                .filter(e -> e.getUid().orElseThrow().getValue().startsWith("test-annual-survey-")).findFirst()
                .orElseThrow(() -> new AssertionError("no event for the survey in " + ics));
        assertEquals("20270401", event.getDateTimeStart().getValue());
        assertEquals("20270501", event.getDateTimeEnd().getValue());
        assertEquals("Expected: Annual survey; 2026 (연간 조사; 2026)", event.getSummary().getValue());
        assertTrue(event.getDescription().getValue().contains("테스트 연구소, 서울"), ics);
        assertTrue(event.getDescription().getValue().contains("Cadence: annual"), ics);
        // The same question, the same bytes: the time stamp is when the expectation became known, not now.
        assertEquals(ics, given().get("/v1/publications/calendar").then().extract().asString());
    }

    @Test
    void aScheduleIsCheckedLikeADate() {
        Map<String, Object> publication = Map.of("id", "test-bad-schedule",
                "publisher", Map.of("original", "테스트 연구소"), "title", Map.of("original", "조사"), "kind", "survey",
                "published", Map.of("basis", "unknown"), "cadence", "weekly",
                "nextExpected", Map.of("date", "2027-13", "precision", "month", "basis", "stated", "evidence", "x"));
        Publishing.asPublisher()
                .body(Map.of("release", Map.of("id", "test-bad-calendar", "description", "A bad schedule"),
                        "basedOn", given().get("/v1/releases").then().extract().path("items[0].id"),
                        "publications", List.of(publication)))
                .post("/v1/releases").then().statusCode(422)
                .body("errors.pointer", org.hamcrest.Matchers.hasItems("/publications/0/cadence",
                        "/publications/0/nextExpected/date"));
    }
}
