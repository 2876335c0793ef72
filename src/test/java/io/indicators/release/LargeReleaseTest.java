package io.indicators.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.indicators.IsolatedCatalogue;
import io.indicators.Publishing;
import io.indicators.Quotes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Releases of thousands of values: applied whole, read back a page at a time, revised in part, and the cached
 * answers of the catalogue following every release.
 */
@QuarkusTest
@TestProfile(IsolatedCatalogue.class)
class LargeReleaseTest {

    private static final String HANKYOREH = "hankyoreh-2024-ai-talent-silicon-valley";
    private static final List<String> GEOS = List.of("KR", "US", "JP", "DE", "FR");
    private static final int YEARS = 400;

    @Test
    void aReleaseOfThousandsOfValuesIsAppliedWholeAndReadBackAPageAtATime() {
        String indicator = "test-bulk-" + UUID.randomUUID().toString().substring(0, 8);
        String first = indicator + "-first";
        int citedBefore = valueCount(HANKYOREH);
        ExtractableResponse<Response> added = publish(release(first, indicator, true, year -> year))
                .then().statusCode(201)
                .body("changes.added", equalTo(GEOS.size() * YEARS))
                .body("changes.revised", equalTo(0))
                .extract();
        Instant firstReleasedAt = Instant.parse(added.path("releasedAt"));
        assertEquals(citedBefore + GEOS.size() * YEARS, valueCount(HANKYOREH), "the source counts its new values");

        // Every change of the release, exactly once, in the order it was written.
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = given().queryParam("limit", 100).queryParam("cursor", cursor)
                    .get("/v1/releases/" + first + "/changes")
                    .then().statusCode(200)
                    .body("changes.kind", everyItem(equalTo("added")))
                    .extract();
            ids.addAll(page.<List<String>> path("changes.id").stream().map(Long::valueOf).toList());
            cursor = page.path("next");
            pages++;
        } while (cursor != null);
        assertEquals(GEOS.size() * YEARS / 100, pages);
        assertEquals(GEOS.size() * YEARS, ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no change listed twice");
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(ids.get(i) > ids.get(i - 1), "changes come in the order they were written");
        }

        // Half the values revised, half republished unchanged.
        String second = indicator + "-second";
        publish(release(second, indicator, false, year -> year % 2 == 0 ? year + 1 : year))
                .then().statusCode(201)
                .body("changes.added", equalTo(0))
                .body("changes.revised", equalTo(GEOS.size() * YEARS / 2));
        assertEquals(citedBefore + GEOS.size() * YEARS, valueCount(HANKYOREH), "a revision replaces a value it counted");

        String observations = "/v1/indicators/" + indicator + "/observations";
        given().queryParam("geo", "US").queryParam("lastNObservations", 3).get(observations)
                .then().statusCode(200)
                .body("release.id", equalTo(second))
                .body("observations.period", contains("2023", "2024", "2025"))
                .body("observations.value", contains(2023, 2025, 2025))
                .body("observations.release", contains(first, second, first));
        given().queryParam("geo", "US").queryParam("asOf", firstReleasedAt.toString()).queryParam("lastNObservations", 1)
                .get(observations)
                .then().statusCode(200)
                .body("release.id", equalTo(first))
                .body("observations.value", contains(2025));
        given().queryParam("geo", "KR").queryParam("startPeriod", "2024").queryParam("includeHistory", true).get(observations)
                .then().statusCode(200)
                .body("observations.value", contains(2024, 2025, 2025));
        given().queryParam("includeHistory", true).get(observations)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:indicator-api:problem:too-many-values"));
        given().get(observations).then().statusCode(200).body("observations", hasSize(GEOS.size() * YEARS));
        given().get("/v1/indicators/" + indicator)
                .then().statusCode(200)
                .body("series.geo", contains("DE", "FR", "JP", "KR", "US"))
                .body("series.observationCount", everyItem(equalTo(YEARS)))
                .body("series[0].firstPeriod", equalTo(Integer.toString(2026 - YEARS)))
                .body("series[0].lastPeriod", equalTo("2025"))
                .body("sources.id", contains(HANKYOREH));
        given().get("/v1/indicators/" + indicator + "/vintages")
                .then().statusCode(200)
                .body("vintages.release", contains(first, second));

        // The feed after the first release holds the revisions only, in pages that continue where they stopped.
        var feed = given().queryParam("updatedAfter", firstReleasedAt.toString()).queryParam("limit", 100)
                .get("/v1/changes")
                .then().statusCode(200)
                .body("items", hasSize(100))
                .body("items.release", everyItem(equalTo(second)))
                .body("items.kind", everyItem(equalTo("revised")))
                .body("next", notNullValue())
                .extract();
        long lastOnFirstPage = Long.parseLong(feed.<List<String>> path("items.id").getLast());
        long firstOnNextPage = Long.parseLong(given().queryParam("updatedAfter", firstReleasedAt.toString())
                .queryParam("cursor", feed.<String> path("next")).get("/v1/changes")
                .then().statusCode(200).extract().path("items[0].id"));
        assertTrue(firstOnNextPage > lastOnFirstPage);
    }

    @Test
    void cachedAnswersFollowEveryRelease() {
        String indicator = "test-cached-" + UUID.randomUUID().toString().substring(0, 8);
        publish(release(indicator + "-a", indicator, true, year -> 1)).then().statusCode(201);
        String observations = "/v1/indicators/" + indicator + "/observations";

        var first = given().queryParam("geo", "KR").queryParam("lastNObservations", 1).get(observations)
                .then().statusCode(200).body("observations.value", contains(1)).extract();
        var again = given().queryParam("geo", "KR").queryParam("lastNObservations", 1).get(observations)
                .then().statusCode(200).extract();
        assertEquals(first.asString(), again.asString(), "the same question gets the same bytes");
        // The second answer comes from memory, ahead of the REST layer: with every header the first one had.
        for (String header : List.of("Content-Type", "ETag", "Cache-Control", "Vary", "Last-Modified", "Content-Language")) {
            assertEquals(first.header(header), again.header(header), header);
        }
        given().noFilters().queryParam("geo", "KR").queryParam("lastNObservations", 1)
                .header("Origin", "https://example.org").header("Accept-Encoding", "gzip").get(observations)
                .then().statusCode(200).header("Access-Control-Allow-Origin", equalTo("https://example.org"))
                .header("Content-Encoding", equalTo("gzip"));
        given().queryParam("geo", "KR").queryParam("lastNObservations", 1).header("If-None-Match", first.header("ETag"))
                .get(observations)
                .then().statusCode(304).header("ETag", equalTo(first.header("ETag")));

        publish(release(indicator + "-b", indicator, false, year -> 2)).then().statusCode(201);

        var after = given().queryParam("geo", "KR").queryParam("lastNObservations", 1)
                .header("If-None-Match", first.header("ETag")).get(observations)
                .then().statusCode(200).body("observations.value", contains(2)).extract();
        assertNotEquals(first.header("ETag"), after.header("ETag"));
    }

    @Test
    void aHerdOfClientsAfterAReleaseAllGetTheSameAnswer() throws Exception {
        String indicator = "test-herd-" + UUID.randomUUID().toString().substring(0, 8);
        publish(release(indicator + "-a", indicator, true, year -> year)).then().statusCode(201);
        String url = "/v1/indicators/" + indicator + "/observations";
        // More clients than read permits: those that wait for a permit find the answer the first one cached.
        ExecutorService clients = Executors.newFixedThreadPool(24);
        try {
            List<Future<ExtractableResponse<Response>>> answers = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                answers.add(clients.submit(() -> given().queryParam("geo", "JP").get(url).then().extract()));
            }
            Set<String> bodies = new HashSet<>();
            for (Future<ExtractableResponse<Response>> answer : answers) {
                ExtractableResponse<Response> response = answer.get(60, TimeUnit.SECONDS);
                assertEquals(200, response.statusCode(), response.asString());
                bodies.add(response.asString());
            }
            assertEquals(1, bodies.size(), "every client got the same bytes");
            given().queryParam("geo", "JP").get(url).then().statusCode(200)
                    .body("observations", hasSize(YEARS))
                    .body("observations.geo", everyItem(equalTo("JP")))
                    .body("observations[-1].value", equalTo(2025));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void clientsThatHangUpWhileWaitingForTheirTurnDoNotTakeItFromOthers() throws Exception {
        String indicator = "test-hangup-" + UUID.randomUUID().toString().substring(0, 8);
        publish(release(indicator + "-a", indicator, true, year -> year)).then().statusCode(201);
        String path = "/v1/indicators/" + indicator + "/observations?includeHistory=true&geo=";
        // More uncached reads than permits, each from a client that hangs up at once: most are still waiting for a
        // permit when their connection closes.
        for (int i = 0; i < 24; i++) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.getOutputStream().write(("GET " + path + GEOS.get(i % GEOS.size()) + "&lastNObservations=" + (i + 1)
                        + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        for (int i = 0; i < 5; i++) {
            given().get(path + "KR&lastNObservations=" + (100 + i)).then().statusCode(200).time(lessThan(5000L))
                    .body("observations", hasSize(100 + i))
                    .body("observations[-1].period", equalTo("2025"));
        }
    }

    @Test
    void aSourceListsItsValuesAPageAtATime() {
        var firstPage = given().queryParam("limit", 1).get("/v1/sources/" + HANKYOREH)
                .then().statusCode(200)
                .body("values", hasSize(1))
                .body("next", notNullValue())
                .extract();
        var all = given().queryParam("limit", 100).get("/v1/sources/" + HANKYOREH).then().statusCode(200).extract();
        List<Map<String, Object>> values = all.path("values");
        var secondPage = given().queryParam("limit", 1).queryParam("cursor", firstPage.<String> path("next"))
                .get("/v1/sources/" + HANKYOREH)
                .then().statusCode(200).body("values", hasSize(1)).extract();
        assertEquals(values.get(1), secondPage.<Map<String, Object>> path("values[0]"));
        assertEquals(all.<List<Object>> path("cites"), firstPage.<List<Object>> path("cites"),
                "a page lists every publication the source's values cite");

        given().queryParam("cursor", "bm90LW91cnM").get("/v1/sources/" + HANKYOREH)
                .then().statusCode(400).body("errors[0].parameter", equalTo("cursor"));
        given().queryParam("limit", 0).get("/v1/releases/nope/changes").then().statusCode(400);
    }

    @Test
    void aReleaseOfSeveralChunksIsCheckedAsAWholeAndAppliedInOne() {
        // 4,502 items: the service reads them back and writes them ReleaseService.CHUNK at a time.
        int years = 900;
        Map<String, Object> body = release("test-chunks", "test-chunks", true, year -> year, years);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> values = new ArrayList<>((List<Map<String, Object>>) body.get("observations"));
        Map<String, Object> original = values.get(3000);
        Map<String, Object> tooPrecise = new HashMap<>(original);
        tooPrecise.put("value", new java.math.BigDecimal("1.23456789012345678"));
        values.set(3000, tooPrecise);
        values.add(values.get(10));
        body.put("observations", values);
        publish(body).then().statusCode(422)
                .body("detail", startsWith("2 error(s)"))
                .body("errors.pointer", containsInAnyOrder("/observations/3000/value", "/observations/" + GEOS.size() * years));

        // The body is read as a stream: a value of the wrong type far into it is named by its place.
        Map<String, Object> wrongType = new HashMap<>(original);
        wrongType.put("value", "many");
        values.set(3000, wrongType);
        publish(body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.pointer", contains("/observations/3000/value"));

        // Every error is counted, the first ones listed; none of the values was applied.
        values.set(3000, original);
        values.removeLast();
        List<Map<String, Object>> unknownStatus = new ArrayList<>();
        values.forEach(value -> {
            Map<String, Object> copy = new HashMap<>(value);
            copy.put("status", "measured");
            unknownStatus.add(copy);
        });
        body.put("observations", unknownStatus);
        publish(body).then().statusCode(422)
                .body("detail", startsWith(GEOS.size() * years + " error(s); the first 100 are listed"))
                .body("errors", hasSize(100));
        given().get("/v1/releases/test-chunks").then().statusCode(404);

        // A derived value comes first in the release, its inputs thousands of values later: it is checked against them.
        values.addFirst(Map.of("indicator", "test-chunks-ratio", "geo", "KR", "period", "2025",
                "periodBasis", Quotes.stated(), "value", new java.math.BigDecimal("1.5"), "status", "derived",
                "reason", "Test", "derivation", Map.of("operation", "ratio", "inputs", List.of(
                        Map.of("indicator", "test-chunks", "geo", "KR", "period", "2025"),
                        Map.of("indicator", "test-chunks", "geo", "KR", "period", "1350"))),
                "citations", Quotes.cites(Quotes.threeCountries())));
        List<Map<String, Object>> indicators = new ArrayList<>(castList(body.get("indicators")));
        indicators.add(Map.of("id", "test-chunks-ratio", "name", Map.of("ko", "시험 비율", "en", "Test ratio"),
                "unit", Map.of("code", "ratio"), "frequency", "annual", "valueKind", "number", "topics", List.of("test")));
        body.put("indicators", indicators);
        body.put("observations", values);
        publish(body).then().statusCode(201)
                .body("changes.added", equalTo(GEOS.size() * years + 1))
                .body("changes.revised", equalTo(0));
        given().queryParam("geo", "KR").get("/v1/indicators/test-chunks/observations")
                .then().statusCode(200).body("observations", hasSize(years));
        given().queryParam("geo", "KR").get("/v1/indicators/test-chunks-ratio/observations")
                .then().statusCode(200).body("observations[0].value", equalTo(1.5f));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object list) {
        return (List<Map<String, Object>>) list;
    }

    @Test
    void aReleaseOverTheLimitIsRefusedWhole() {
        int before = given().queryParam("limit", 100).get("/v1/releases").then().extract().path("items.size()");
        Map<String, Object> oversized = new HashMap<>(
                Map.of("release", Map.of("id", "test-oversized", "description", "Too large"),
                        "retractions", java.util.Collections.nCopies(ReleaseBody.MAX_ITEMS + 1,
                                Map.of("indicator", "ai-workforce-total", "geo", "KR", "period", "2023", "reason", "x"))));
        publish(oversized).then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:indicator-api:problem:release-too-large"));

        Map<String, Object> cited = release("test-overcited", "test-overcited", true, year -> 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> value = new HashMap<>(((List<Map<String, Object>>) cited.get("observations")).getFirst());
        value.put("citations", java.util.Collections.nCopies(21, Quotes.threeCountries())); // the contract's maxItems is 20
        cited.put("observations", List.of(value));
        publish(cited).then().statusCode(422)
                .body("errors.pointer", contains("/observations/0/citations"));
        given().queryParam("limit", 100).get("/v1/releases").then().body("items.size()", equalTo(before));
        given().get("/v1/releases/test-oversized").then().statusCode(404);
    }

    private static int valueCount(String document) {
        return given().queryParam("limit", 100).get("/v1/sources")
                .then().statusCode(200).extract().path("items.find { it.id == '" + document + "' }.valueCount");
    }

    private interface ValueOfYear {
        int value(int year);
    }

    /** Values for every geography and year of a test indicator, each citing the Hankyoreh article. */
    private static Map<String, Object> release(String id, String indicator, boolean defineIndicator, ValueOfYear valueOfYear) {
        return release(id, indicator, defineIndicator, valueOfYear, YEARS);
    }

    private static Map<String, Object> release(String id, String indicator, boolean defineIndicator,
            ValueOfYear valueOfYear, int years) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (String geo : GEOS) {
            for (int year = 2026 - years; year < 2026; year++) {
                values.add(Map.of("indicator", indicator, "geo", geo, "period", Integer.toString(year),
                        "periodBasis", Quotes.stated(), "value", valueOfYear.value(year), "status", "observed",
                        "reason", "Test values", "citations", Quotes.cites(Quotes.threeCountries())));
            }
        }
        Map<String, Object> release = new HashMap<>(Map.of("release", Map.of("id", id, "description", "Test values"),
                "observations", values));
        if (defineIndicator) {
            release.put("indicators", List.of(Map.of("id", indicator, "name", Map.of("ko", "시험 지표", "en", "Test indicator"),
                    "unit", Map.of("code", "count"), "frequency", "annual", "valueKind", "number",
                    "topics", List.of("test"))));
        }
        return release;
    }

    private static Response publish(Map<String, Object> body) {
        body.putIfAbsent("basedOn", given().get("/v1/releases").then().statusCode(200).extract().path("items[0].id"));
        return Publishing.asPublisher().body(body).post("/v1/releases");
    }
}
