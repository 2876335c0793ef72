package io.indicators.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.indicators.IsolatedCatalogue;
import io.indicators.PublisherTokens;
import io.indicators.Publishing;
import io.indicators.Quotes;
import io.indicators.common.http.EntityTags;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Publishing over HTTP and everything the versioned catalogue then answers about it. */
@QuarkusTest
@TestProfile(IsolatedCatalogue.class)
class PublishingTest {

    private static final String SHORTFALL = "/v1/indicators/ai-workforce-shortfall/observations";
    private static final String HANKYOREH = "hankyoreh-2024-ai-talent-silicon-valley";
    private static final String SPRI = "spri-2023-ai-industry-survey";

    @Test
    void aCorrectionIsANewVersionAndThePastStaysReadable() {
        ExtractableResponse<Response> before = given().queryParam("geo", "KR").get(SHORTFALL).then().statusCode(200).extract();
        String etagBefore = before.header("ETag");
        int valueBefore = before.path("observations.find { it.period == '2023' }.value");
        int corrected = valueBefore + 21;
        String id = "test-correction-" + UUID.randomUUID();

        ExtractableResponse<Response> published = publish(
                releaseWithShortfall2023(id, corrected, "Correction: the survey's errata"))
                .then().statusCode(201)
                .header("Location", endsWith("/v1/releases/" + id))
                .body("id", equalTo(id))
                .body("publishedBy", equalTo("test-publisher"))
                .body("changes.revised", equalTo(1))
                .body("changes.added", equalTo(0))
                .extract();
        Instant releasedAt = Instant.parse(published.path("releasedAt"));
        String justBefore = releasedAt.minusNanos(1000).toString();

        given().queryParam("geo", "KR").queryParam("asOf", justBefore).get(SHORTFALL)
                .then().statusCode(200).body("observations.find { it.period == '2023' }.value", equalTo(valueBefore));
        given().queryParam("geo", "KR").queryParam("asOf", releasedAt.toString()).get(SHORTFALL)
                .then().statusCode(200).body("observations.find { it.period == '2023' }.value", equalTo(corrected))
                .body("release.id", equalTo(id));
        String etagAfter = given().queryParam("geo", "KR").get(SHORTFALL)
                .then().statusCode(200).body("observations.find { it.period == '2023' }.value", equalTo(corrected))
                .extract().header("ETag");
        assertNotEquals(etagBefore, etagAfter, "the ETag changes when the data does");

        given().queryParam("geo", "KR").queryParam("includeHistory", true).queryParam("startPeriod", "2023").get(SHORTFALL)
                .then().statusCode(200)
                .body("observations.value", contains(valueBefore, corrected))
                .body("observations[0].realtimeEnd", equalTo(published.path("releasedAt")))
                .body("observations[1].realtimeStart", equalTo(published.path("releasedAt")))
                .body("observations[1].realtimeEnd", nullValue())
                .body("observations[1].reason", equalTo("Correction: the survey's errata"));

        given().queryParam("geo", "KR").get(SHORTFALL.replace("/observations", "/observations/2023/history"))
                .then().statusCode(200)
                .body("period", equalTo("2023"))
                .body("versions.value", contains(valueBefore, corrected))
                .body("versions[1].release", equalTo(id))
                .body("versions[1].reason", equalTo("Correction: the survey's errata"))
                .body("versions[1].citations[0].quote", equalTo("부족 인력은 8579명으로 집계됐다"))
                .body("versions[0].citations[0].publication.id", equalTo(SPRI));

        given().get("/v1/indicators/ai-workforce-shortfall/vintages")
                .then().statusCode(200)
                .body("vintages.release", hasItems("2026-11-ai-workforce-shortfall", id));

        given().get("/v1/releases/" + id + "/changes")
                .then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                .body("release.id", equalTo(id))
                .body("changes", hasSize(1))
                .body("changes[0].kind", equalTo("revised"))
                .body("changes[0].period", equalTo("2023"))
                .body("changes[0].previous.value", equalTo(valueBefore))
                .body("changes[0].current.value", equalTo(corrected));

        given().queryParam("updatedAfter", justBefore).get("/v1/changes")
                .then().statusCode(200)
                .body("items.release", everyItem(equalTo(id)))
                .body("items.kind", contains("revised"));
    }

    @Test
    void conditionalReadsAnswerNotModifiedUntilTheDataChanges() {
        ExtractableResponse<Response> read = given().get(SHORTFALL).then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=60"))
                .header("Vary", equalTo("Accept, Accept-Encoding, Accept-Language"))
                .header("Last-Modified", notNullValue())
                .extract();
        String etag = read.header("ETag");
        assertEquals(EntityTags.of(read.asByteArray()), etag, "the ETag is the digest of the bytes received");
        given().header("If-None-Match", etag).get(SHORTFALL).then().statusCode(304);
        given().header("If-None-Match", "\"something-else\"").get(SHORTFALL).then().statusCode(200);
        // If-None-Match compares weakly (RFC 9110 13.1.2): a cache that weakened the tag still has the bytes.
        given().header("If-None-Match", "W/" + etag).get(SHORTFALL).then().statusCode(304);
        // HEAD is GET without the body (RFC 9110), not a separate operation of the contract.
        given().noFilters().head(SHORTFALL).then().statusCode(200).header("ETag", etag);
        String lastModified = given().get(SHORTFALL).then().extract().header("Last-Modified");
        given().header("If-Modified-Since", lastModified).get(SHORTFALL).then().statusCode(304);

        // What the catalogue held in 2020 (no releases yet) is settled for good.
        given().queryParam("asOf", "2020-01-01T00:00:00Z").get("/v1/releases")
                .then().statusCode(200).body("items", empty())
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));

        publish(releaseWithNewIndicator("test-etag-" + UUID.randomUUID())).then().statusCode(201);
        given().header("If-None-Match", etag).get(SHORTFALL).then().statusCode(304);
        given().header("If-None-Match", etag).get("/v1/releases").then().statusCode(200);
    }

    @Test
    void concurrentPublishersCannotBothBuildOnTheSameState() throws Exception {
        String etag = given().get("/v1/releases").then().statusCode(200).extract().header("ETag");
        int releasesBefore = releaseCount();
        int racers = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Map<String, Object> body = releaseWithNewIndicator("test-race-" + UUID.randomUUID());
            Callable<Integer> racer = () -> {
                start.await();
                return Publishing.asPublisher().header("If-Match", etag).body(body).post("/v1/releases").statusCode();
            };
            outcomes.add(pool.submit(racer));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            statuses.add(outcome.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "exactly one publisher wins: " + statuses);
        assertEquals(racers - 1, statuses.stream().filter(s -> s == 412).count(), "the others are refused: " + statuses);
        assertEquals(releasesBefore + 1, releaseCount());
    }

    @Test
    void staleBasedOnIsAConflict() {
        publish(releaseWithNewIndicator("test-stale-" + UUID.randomUUID())).then().statusCode(201);
        Map<String, Object> stale = releaseWithNewIndicator("test-stale-" + UUID.randomUUID());
        stale.put("basedOn", "2026-11-ai-workforce-shortfall");
        Publishing.asPublisher().body(stale).post("/v1/releases")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:indicator-api:problem:conflict"));
    }

    @Test
    void aPublishNamesTheStateItBuildsOn() {
        Publishing.asPublisher()
                .body(releaseWithNewIndicator("test-blind-" + UUID.randomUUID())).post("/v1/releases")
                .then().statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:indicator-api:problem:precondition-required"));
    }

    @Test
    void retryingWithTheSameIdempotencyKeyCreatesOneRelease() {
        String key = UUID.randomUUID().toString();
        String id = "test-retry-" + UUID.randomUUID();
        Map<String, Object> body = releaseWithNewIndicator(id);
        body.put("basedOn", head());
        int before = releaseCount();
        Publishing.asPublisher().header("Idempotency-Key", key)
                .body(body).post("/v1/releases").then().statusCode(201).body("id", equalTo(id));
        Publishing.asPublisher().header("Idempotency-Key", key)
                .body(body).post("/v1/releases").then().statusCode(200)
                .header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(id));
        assertEquals(before + 1, releaseCount());

        body.put("release", Map.of("id", id + "-changed", "description", "Another body under the same key"));
        Publishing.asPublisher().header("Idempotency-Key", key)
                .body(body).post("/v1/releases").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void onlyAPublisherMayWrite() {
        Map<String, Object> body = releaseWithNewIndicator("test-auth-" + UUID.randomUUID());
        body.put("basedOn", head());
        given().contentType(ContentType.JSON).body(body).post("/v1/releases")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:indicator-api:problem:unauthorized"));
        given().header("Authorization", "Bearer " + PublisherTokens.signedByAnotherKey()).contentType(ContentType.JSON)
                .body(body).post("/v1/releases")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + PublisherTokens.reader()).contentType(ContentType.JSON).body(body)
                .post("/v1/releases")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:indicator-api:problem:forbidden"));
        given().get("/v1/releases/" + ((Map<?, ?>) body.get("release")).get("id")).then().statusCode(404);
    }

    @Test
    void aMalformedReleaseIsRejectedWholeWithEveryError() {
        int before = releaseCount();
        Map<String, Object> bad = new java.util.HashMap<>(Map.of(
                "release", Map.of("id", "Not A Slug", "description", "Broken on purpose"),
                "basedOn", head(),
                "indicators", List.of(Map.of("id", "ai-workforce-shortfall",
                        "name", Map.of("ko", "인공지능 부문 부족 인력", "en", "AI workforce shortfall"),
                        "unit", Map.of("code", "percent"), "frequency", "irregular", "valueKind", "number")),
                "observations", List.of(
                        Map.of("indicator", "no-such-indicator", "geo", "KR", "period", "2023", "value", 1,
                                "status", "observed", "citations", List.of(Map.of("document", HANKYOREH, "quote", "x"))),
                        Map.of("indicator", "ai-workforce-shortfall", "geo", "KR", "period", "2023-13", "value", 1,
                                "status", "observed", "citations", List.of(Map.of("document", HANKYOREH, "quote", ""))),
                        Map.of("indicator", "ai-workforce-shortfall", "geo", "KR", "period", "2024", "low", 1, "high", 2,
                                "status", "guessed", "citations", List.of()))));
        Publishing.asPublisher().body(bad).post("/v1/releases")
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:indicator-api:problem:invalid-release"))
                .body("errors.pointer", containsInAnyOrder("/release/id", "/indicators/0/unit", "/observations/0/indicator",
                        "/observations/1/period", "/observations/1/citations/0/quote", "/observations/2/value",
                        "/observations/2/low", "/observations/2/status", "/observations/2/citations",
                        "/observations/0/periodBasis", "/observations/1/periodBasis", "/observations/2/periodBasis"));
        assertEquals(before, releaseCount(), "nothing was applied");

        Publishing.asPublisher()
                .body("{\"release\": {\"id\": \"x\", \"description\": \"y\"}, \"basedOn\": \"z\", \"observationz\": []}")
                .post("/v1/releases")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/observationz"));
        Publishing.asPublisher().body("{not json")
                .post("/v1/releases").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRetractionWithdrawsAValueAndTheFeedSaysSo() {
        Instant start = Instant.parse(given().get("/v1/releases").then().extract().path("items[0].releasedAt"));
        String indicatorRelease = "test-retract-setup-" + UUID.randomUUID();
        publish(releaseWithNewIndicator(indicatorRelease)).then().statusCode(201);
        String indicator = indicatorRelease.replace("test-retract-setup-", "test-indicator-");
        String id = "test-retraction-" + UUID.randomUUID();
        publish(new java.util.HashMap<>(Map.of(
                "release", Map.of("id", id, "description", "Withdraws a test value"),
                "retractions", List.of(Map.of("indicator", indicator, "geo", "KR", "period", "2024",
                        "reason", "Misread the article")))))
                .then().statusCode(201).body("changes.retracted", equalTo(1));

        given().get("/v1/indicators/" + indicator + "/observations").then().statusCode(200).body("observations", hasSize(0));
        given().queryParam("includeHistory", true).get("/v1/indicators/" + indicator + "/observations")
                .then().statusCode(200)
                .body("observations.retracted", contains(false, true))
                .body("observations[1].reason", equalTo("Misread the article"));
        given().queryParam("updatedAfter", start.toString()).get("/v1/changes")
                .then().statusCode(200)
                .body("items.findAll { it.release == '" + id + "' }.kind", contains("retracted"))
                .body("items.findAll { it.release == '" + id + "' }[0].current", nullValue());
    }

    @Test
    void historyOfAnUnknownValueIsNotFoundAndGeoIsRequired() {
        given().queryParam("geo", "KR").get(SHORTFALL + "/1999/history").then().statusCode(404)
                .contentType("application/problem+json");
        given().get(SHORTFALL + "/2023/history").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].parameter", equalTo("geo"));
        given().queryParam("geo", "KR").get(SHORTFALL + "/20x3/history").then().statusCode(400)
                .body("errors[0].parameter", equalTo("period"));
        given().queryParam("includeHistory", "yes").get(SHORTFALL).then().statusCode(400)
                .body("errors[0].parameter", equalTo("includeHistory"));
        given().queryParam("updatedAfter", "soon").get("/v1/changes").then().statusCode(400)
                .body("errors[0].parameter", equalTo("updatedAfter"));
        given().get("/v1/indicators/nope/vintages").then().statusCode(404);
        given().get("/v1/releases/nope/changes").then().statusCode(404);
    }

    private static io.restassured.response.Response publish(Map<String, Object> body) {
        body.putIfAbsent("basedOn", head());
        return Publishing.asPublisher().body(body).post("/v1/releases");
    }

    private static String head() {
        return given().get("/v1/releases").then().statusCode(200).extract().path("items[0].id");
    }

    private static int releaseCount() {
        return given().queryParam("limit", 100).get("/v1/releases").then().statusCode(200).extract().path("items.size()");
    }

    private static Map<String, Object> releaseWithShortfall2023(String id, int value, String reason) {
        return new java.util.HashMap<>(Map.of(
                "release", Map.of("id", id, "description", "Corrects the 2023 shortfall"),
                "observations", List.of(Map.of("indicator", "ai-workforce-shortfall", "geo", "KR", "period", "2023",
                        "periodBasis", Quotes.stated(), "value", value, "status", "observed", "reason", reason,
                        "citations", Quotes.cites(Quotes.shortfall2023())))));
    }

    /** A release adding a test-only indicator with one value, touching nothing other tests read. */
    private static Map<String, Object> releaseWithNewIndicator(String releaseId) {
        String indicator = releaseId.replaceFirst("^test-[a-z]+(-setup)?-", "test-indicator-");
        return new java.util.HashMap<>(Map.of(
                "release", Map.of("id", releaseId, "description", "A test release"),
                "indicators", List.of(Map.of("id", indicator, "name", Map.of("ko", "시험 지표", "en", "Test indicator"),
                        "unit", Map.of("code", "count"), "frequency", "annual", "valueKind", "number",
                        "topics", List.of("test"))),
                "observations", List.of(Map.of("indicator", indicator, "geo", "KR", "period", "2024", "value", 3,
                        "periodBasis", Quotes.stated(), "status", "observed",
                        "citations", Quotes.cites(Quotes.threeCountries())))));
    }
}
