package io.indicators.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.indicators.Publishing;
import io.indicators.Quotes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 14: Prometheus metrics an operator can alert on: request latency histograms per route template (not per
 * address, which would be unbounded), the connection pool, and what publishing did.
 */
@QuarkusTest
@TestProfile(MetricsTest.OwnCatalogue.class)
class MetricsTest {

    /** A catalogue of its own: this test publishes. */
    public static class OwnCatalogue implements QuarkusTestProfile {
    }

    @Test
    void requestsPoolAndPublishesAreMeasured() throws IOException {
        // Twice: the second answer comes from memory, and is counted under its operation too.
        given().queryParam("geo", "KR").get("/v1/indicators/ai-workforce-shortfall/observations").then().statusCode(200);
        given().queryParam("geo", "KR").get("/v1/indicators/ai-workforce-shortfall/observations").then().statusCode(200);
        given().get("/v1/indicators/no-such-indicator").then().statusCode(404);
        String head = given().get("/v1/releases").then().extract().path("items[0].id");
        Publishing.asPublisher()
                .body(Map.of("release", Map.of("id", "test-metrics", "description", "Measured"), "basedOn", head,
                        "observations", List.of(Map.of("indicator", "ai-workforce-total", "geo", "KR", "period", "2024",
                                "periodBasis", Quotes.stated(), "value", 3, "status", "observed",
                                "citations", Quotes.cites(Quotes.threeCountries())))))
                .post("/v1/releases").then().statusCode(201);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        // Every series the Grafana dashboard in deploy/ queries is one the service serves.
        Matcher names = Pattern.compile("([a-z_]+)\\{").matcher(Files.readString(Path.of("deploy/grafana/indicator-api.json")));
        int queried = 0;
        while (names.find()) {
            assertTrue(metrics.contains(names.group(1) + "{") || metrics.contains(names.group(1) + " "),
                    "the dashboard queries " + names.group(1)
                            + ", which /q/metrics does not serve");
            queried++;
        }
        assertTrue(queried >= 7, "the dashboard names the metrics it queries: " + queried);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds_bucket{"))
                .body(containsString("uri=\"/v1/indicators/{id}/observations\""))
                .body(not(containsString("uri=\"/v1/indicators/ai-workforce-shortfall")))
                .body(containsString("status=\"404\""))
                .body(containsString("agroal_active_count"))
                .body(containsString("indicators_releases_published_total"))
                .body(containsString("indicators_values_published_total{change=\"added\"} 1.0"));
    }
}
