package io.indicators.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.indicators.IsolatedCatalogue;
import io.indicators.Publishing;
import io.indicators.Quotes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 14: W3C trace context. A request that arrives with a traceparent is logged under its caller's trace id, so
 * an operator can follow one request from the client's trace into this service's log lines, with nothing exported.
 */
@QuarkusTest
@TestProfile(IsolatedCatalogue.class)
public class TraceContextTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String RELEASE = "test-traced";

    /** The MDC of log lines: in this JVM, caught by a handler on the service's logger. */
    interface LogLines extends AutoCloseable {
        /** The MDC of the first line whose message starts with the text, if one was logged. */
        Optional<Map<String, String>> mdcOf(String message);

        @Override
        void close();
    }

    LogLines watchTheLog() {
        List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord line) {
                    line.copyMdc();
                    lines.add(line);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger("io.indicators.release.ReleaseResource");
        logger.addHandler(capture);
        return new LogLines() {
            @Override
            public Optional<Map<String, String>> mdcOf(String message) {
                return lines.stream().filter(line -> line.getFormattedMessage().startsWith(message)).findFirst()
                        .map(ExtLogRecord::getMdcCopy);
            }

            @Override
            public void close() {
                logger.removeHandler(capture);
            }
        };
    }

    @Test
    void aPublishIsLoggedUnderItsCallersTraceId() {
        try (LogLines log = watchTheLog()) {
            String head = given().get("/v1/releases").then().statusCode(200).extract().path("items[0].id");
            Publishing.asPublisher().header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                    .body(Map.of("release", Map.of("id", RELEASE, "description", "A traced publish"), "basedOn", head,
                            "observations", List.of(Map.of("indicator", "ai-workforce-total", "geo", "KR", "period", "2031",
                                    "periodBasis", Quotes.stated(), "value", 3, "status", "observed",
                                    "citations", Quotes.cites(Quotes.threeCountries())))))
                    .post("/v1/releases").then().statusCode(201);
            Map<String, String> mdc = log.mdcOf("Published release " + RELEASE)
                    .orElseThrow(() -> new AssertionError("the publish was not logged"));
            assertEquals(TRACE_ID, mdc.get("traceId"), "the caller's trace id, from traceparent");
            assertFalse(mdc.getOrDefault("spanId", "").isEmpty(), "this service's own span");
        }
    }

    @Test
    void aMalformedTraceparentIsIgnored() {
        // W3C Trace Context §4.3: a traceparent that cannot be parsed, or names the all-zero trace, starts a new trace.
        // The answer is the one a request without trace context gets.
        String releases = given().get("/v1/releases").then().statusCode(200).extract().asString();
        given().header("traceparent", "not-a-trace").get("/v1/releases").then().statusCode(200)
                .body(equalTo(releases));
        given().header("traceparent", "00-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01").get("/v1/releases").then()
                .statusCode(200).body(equalTo(releases));
    }

    /** The packaged application's log, one JSON object per line as in production, which the launcher keeps here. */
    static LogLines theApplicationsLogFile() {
        Path file = Path.of("target/quarkus.log");
        ObjectMapper json = new ObjectMapper();
        return new LogLines() {
            @Override
            public Optional<Map<String, String>> mdcOf(String message) {
                try {
                    for (String line : Files.readAllLines(file)) {
                        if (!line.startsWith("{")) {
                            continue;
                        }
                        JsonNode entry = json.readTree(line);
                        if (entry.path("message").asText().startsWith(message)) {
                            return Optional.of(json.convertValue(entry.path("mdc"),
                                    json.getTypeFactory().constructMapType(Map.class, String.class, String.class)));
                        }
                    }
                    return Optional.empty();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public void close() {
            }
        };
    }
}
