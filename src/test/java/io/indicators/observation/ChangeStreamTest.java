package io.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.indicators.IsolatedCatalogue;
import io.indicators.Publishing;
import io.indicators.Quotes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Issue 17: the change feed as Server-Sent Events. A client connected before a release receives its changes as they
 * land; one that disconnects and comes back with Last-Event-ID receives what it missed, and nothing twice.
 */
@QuarkusTest
@TestProfile(IsolatedCatalogue.class)
public class ChangeStreamTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aConnectedClientReceivesEachChangeAsItsReleaseLands() throws Exception {
        try (EventStream stream = EventStream.open(null)) {
            publish("test-stream-live", "2041", "2042");
            Event first = stream.next();
            Event second = stream.next();
            assertEquals("change", first.name());
            assertEquals(List.of("2041", "2042"), List.of(first.data().path("period").asText(),
                    second.data().path("period").asText()));
            assertEquals("test-stream-live", first.data().path("release").asText());
            assertEquals("added", first.data().path("kind").asText());
            assertEquals("세 나라", first.data().path("citations").get(0).path("quote").asText());
            // The event id is the polling feed's cursor: the feed after it starts with the second change.
            given().queryParam("cursor", first.id()).get("/v1/changes").then().statusCode(200)
                    .body("items[0].id", equalTo(second.data().path("id").asText()));
        }
    }

    @Test
    void aClientThatReconnectsWithLastEventIdMissesNothing() throws Exception {
        String lastSeen;
        try (EventStream stream = EventStream.open(null)) {
            publish("test-stream-before", "2043");
            lastSeen = stream.next().id();
        }
        // Published while no one listens.
        publish("test-stream-missed", "2044", "2045");
        try (EventStream resumed = EventStream.open(lastSeen)) {
            Event first = resumed.next();
            Event second = resumed.next();
            assertEquals("test-stream-missed", first.data().path("release").asText());
            assertEquals(List.of("2044", "2045"), List.of(first.data().path("period").asText(),
                    second.data().path("period").asText()));
            publish("test-stream-after", "2046");
            assertEquals("test-stream-after", resumed.next().data().path("release").asText());
        }
    }

    @Test
    void aBadStartIsAProblem() {
        given().header("Last-Event-ID", "not-an-id").accept("text/event-stream").get("/v1/changes/stream").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].parameter", equalTo("Last-Event-ID"));
        given().queryParam("updatedAfter", "yesterday").accept("text/event-stream").get("/v1/changes/stream").then()
                .statusCode(400).contentType("application/problem+json");
    }

    private static void publish(String id, String... periods) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (String period : periods) {
            values.add(Map.of("indicator", "ai-workforce-total", "geo", "KR", "period", period,
                    "periodBasis", Quotes.stated(), "value", 3, "status", "observed",
                    "citations", Quotes.cites(Quotes.threeCountries())));
        }
        Map<String, Object> release = new HashMap<>(Map.of("release", Map.of("id", id, "description", "A test release"),
                "observations", values));
        release.put("basedOn", given().get("/v1/releases").then().statusCode(200).extract().path("items[0].id"));
        Publishing.asPublisher().body(release).post("/v1/releases").then().statusCode(201);
    }

    record Event(String id, String name, JsonNode data) {
    }

    /** An SSE client of the test's own: the JDK's HTTP client and the text/event-stream framing. */
    static final class EventStream implements AutoCloseable {
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final Stream<String> lines;

        private EventStream(Stream<String> lines) {
            this.lines = lines;
        }

        static EventStream open(String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create("http://localhost:" + RestAssured.port + "/v1/changes/stream"))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                    .send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            EventStream stream = new EventStream(response.body());
            BlockingQueue<String> opened = new LinkedBlockingQueue<>();
            Thread.ofVirtual().start(() -> stream.read(opened));
            assertNotNull(opened.poll(WAIT.toSeconds(), TimeUnit.SECONDS), "the stream did not open");
            return stream;
        }

        private void read(BlockingQueue<String> opened) {
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            try {
                for (var line = lines.iterator(); line.hasNext();) {
                    String text = line.next();
                    if (text.startsWith(":")) {
                        opened.offer(text);
                    } else if (text.startsWith("id:")) {
                        id = text.substring(3).strip();
                    } else if (text.startsWith("event:")) {
                        name = text.substring(6).strip();
                    } else if (text.startsWith("data:")) {
                        data.append(text.substring(5).strip());
                    } else if (text.isEmpty() && !data.isEmpty()) {
                        events.add(new Event(id, name, JSON.readTree(data.toString())));
                        data.setLength(0);
                    }
                }
            } catch (Exception e) {
                // closed by the test
            }
        }

        Event next() throws InterruptedException {
            Event event = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(event, "no event within " + WAIT);
            return event;
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
