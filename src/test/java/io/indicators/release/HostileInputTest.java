package io.indicators.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.indicators.PublisherTokens;
import io.indicators.Publishing;
import io.indicators.Quotes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Issue 12: bodies a lenient service would guess at, numbers no client reads exactly, preconditions that name no
 * state, and publishers queued beside readers. Every answer is a 4xx problem or a success, never a 5xx, and nothing
 * half-applies.
 */
@QuarkusTest
@TestProfile(HostileInputTest.OwnCatalogue.class)
class HostileInputTest {

    /** A catalogue of its own: these tests publish. */
    public static class OwnCatalogue implements QuarkusTestProfile {
    }

    @Test
    void ambiguousOrUnstorableJsonIsABadRequest() {
        String head = head();
        for (String body : List.of(
                "{\"release\": {\"id\": \"a\", \"id\": \"b\", \"description\": \"x\"}, \"basedOn\": \"" + head + "\"}",
                "{\"release\": {\"id\": \"test-coerced\", \"description\": \"x\"}, \"basedOn\": 123}",
                "{\"release\": {\"id\": \"test-nul\", \"description\": \"a\\u0000b\"}, \"basedOn\": \"" + head + "\"}",
                "{\"release\": {\"id\": \"test-surrogate\", \"description\": \"a\\ud800b\"}, \"basedOn\": \"" + head + "\"}",
                "{\"release\": {\"id\": \"test-deep\", \"description\": \"x\"}, \"basedOn\": \"" + head
                        + "\", \"observations\": "
                        + "[".repeat(40) + "]".repeat(40) + "}",
                "{\"release\": {\"id\": \"test-long-number\", \"description\": \"x\"}, \"basedOn\": \"" + head
                        + "\", \"observations\": [{\"value\": " + "9".repeat(200) + "}]}")) {
            publishRaw(body).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:indicator-api:problem:malformed-body"))
                    .body("detail", org.hamcrest.Matchers.not(containsString("java.")));
        }
        assertEquals(head, head(), "nothing was applied");
    }

    @Test
    void numbersNoClientReadsExactlyAreRefusedNeverRounded() {
        for (String value : List.of("1e200000", "1e131072", "1e309", "1e-40", "1234567890123456789", "1e21")) {
            String body = "{\"release\": {\"id\": \"test-number-" + UUID.randomUUID() + "\", \"description\": \"x\"},"
                    + " \"basedOn\": \"" + head() + "\", \"observations\": [{\"indicator\": \"ai-workforce-total\","
                    + " \"geo\": \"KR\", \"period\": \"2024\", \"periodBasis\": {\"basis\": \"stated\"}, \"value\": " + value
                    + ", \"status\": \"observed\", \"citations\": [" + json(Quotes.threeCountries()) + "]}]}";
            publishRaw(body).then().statusCode(422)
                    .body("errors.pointer", hasItem("/observations/0/value"));
        }
        given().queryParam("geo", "KR").queryParam("startPeriod", "2024").get("/v1/indicators/ai-workforce-total/observations")
                .then().statusCode(200).body("observations", hasSize(0));
    }

    @Test
    void anEmptyReleaseAndAWildcardPreconditionAreRefused() {
        publish(new HashMap<>(Map.of("release", Map.of("id", "test-empty", "description", "Changes nothing"))))
                .then().statusCode(422).body("errors.pointer", hasItem(""));
        Publishing.asPublisher().header("If-Match", "\"x\", *").body(valueRelease("test-wildcard", "2030"))
                .post("/v1/releases").then().statusCode(428)
                .body("detail", containsString("If-Match: *"));
        given().get("/v1/releases/test-wildcard").then().statusCode(404);
    }

    @Test
    void oversizedTextsAndErrorListsAreBounded() {
        Map<String, Object> longDescription = valueRelease("test-long-description", "2030");
        longDescription.put("release", Map.of("id", "test-long-description", "description", "x".repeat(20_000)));
        publish(longDescription).then().statusCode(422).body("errors.pointer", hasItem("/release/description"));

        List<Map<String, Object>> broken = new ArrayList<>(Collections.nCopies(300,
                Map.of("indicator", "no-such-indicator", "geo", "KR", "period", "2024", "status", "guessed")));
        Map<String, Object> manyErrors = new HashMap<>(Map.of("release", Map.of("id", "test-many-errors", "description", "x"),
                "observations", broken));
        publish(manyErrors).then().statusCode(422)
                .body("errors", hasSize(100))
                .body("detail", containsString("the first 100 are listed"));
    }

    @Test
    void aRetryThatWritesANumberDifferentlyIsTheSameRelease() {
        String key = "test-" + UUID.randomUUID();
        Map<String, Object> first = valueRelease("test-idempotent-number", "2029");
        publish(first, key).then().statusCode(201);
        String again = "{\"release\": {\"id\": \"test-idempotent-number\", \"description\": \"A test release\"},"
                + " \"basedOn\": \"" + first.get("basedOn") + "\", \"observations\": [{\"indicator\": \"ai-workforce-total\","
                + " \"geo\": \"KR\", \"period\": \"2029\", \"periodBasis\": {\"basis\": \"stated\"}, \"value\": 3.000,"
                + " \"status\": \"observed\", \"citations\": [" + json(Quotes.threeCountries()) + "]}]}";
        Publishing.asPublisher().header("Idempotency-Key", key).body(again).post("/v1/releases")
                .then().statusCode(200).header("Idempotent-Replayed", "true");
    }

    @Test
    void aTokenIssuedInTheFutureMayNotPublish() {
        Map<String, Object> release = valueRelease("test-future-token", "2030");
        release.put("basedOn", head());
        given().header("Authorization", "Bearer " + PublisherTokens.issuedInAnHour())
                .contentType(ContentType.JSON).body(release)
                .post("/v1/releases").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void queuedPublishersDoNotStarveReaders() throws Exception {
        String head = head();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Map<String, Object> release = valueRelease("test-queued-" + i, "2028");
                release.put("basedOn", head);
                work.add(() -> publish(release).statusCode());
            }
            for (int i = 0; i < 24; i++) {
                work.add(() -> given().queryParam("geo", "KR").get("/v1/indicators/ai-workforce-shortfall/observations")
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : pool.invokeAll(work)) {
                statuses.add(result.get());
            }
            List<Integer> publishes = statuses.subList(0, 12);
            List<Integer> reads = statuses.subList(12, statuses.size());
            assertEquals(1, publishes.stream().filter(s -> s == 201).count(), "one publisher wins: " + publishes);
            assertTrue(publishes.stream().allMatch(s -> s == 201 || s == 409), "the others are told why: " + publishes);
            assertTrue(reads.stream().allMatch(s -> s == 200), "every read is answered: " + reads);
        } finally {
            pool.shutdownNow();
        }
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void theFrameworksOwnErrorsAreProblemsInThisApisWords() {
        // Outside the contract on purpose (undocumented paths and methods), so the contract filter is off here.
        for (Response response : List.of(given().noFilters().get("/v1/nowhere"),
                given().noFilters().delete("/v1/releases"),
                given().noFilters().accept("text/csv").get("/v1/indicators"),
                given().noFilters().header("Authorization", "Bearer " + PublisherTokens.publisher())
                        .contentType("text/plain").body("x").post("/v1/releases"))) {
            response.then().statusCode(org.hamcrest.Matchers.oneOf(404, 405, 406, 415))
                    .contentType("application/problem+json")
                    .body("type", org.hamcrest.Matchers.startsWith("urn:indicator-api:problem:"))
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.anyOf(containsString("@Produces"),
                            containsString("@Consumes"), containsString("resource method"), containsString("java."))));
        }
        // RFC 9110 §15.5.6: a 405 says which methods the path does take, as OPTIONS does.
        given().noFilters().delete("/v1/releases").then().statusCode(405)
                .header("Allow", "GET, HEAD, OPTIONS, POST")
                .body("detail", containsString("does not take DELETE; it takes GET, HEAD, OPTIONS, POST"));
        given().noFilters().delete("/v1/indicators").then().statusCode(405).header("Allow", "GET, HEAD, OPTIONS");
    }

    @Test
    void whatTheHttpLayerRefusesIsAProblemToo() throws Exception {
        // A body declared larger than the service reads is refused before a byte of it is read (sent by hand: an
        // HTTP client would send the body).
        String large = raw("POST /v1/releases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 500000000\r\n\r\n{");
        assertTrue(large.startsWith("HTTP/1.1 413") && large.contains("application/problem+json")
                && large.contains("body-too-large"), large);
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsAProblem() throws Exception {
        // No Content-Length to refuse up front: the body is counted as it is read. Whitespace is valid JSON, so only
        // the size can stop it.
        try (Socket socket = new Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/releases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + PublisherTokens.publisher() + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Thread writer = Thread.ofVirtual().start(() -> {
                byte[] chunk = (Integer.toHexString(65_536) + "\r\n" + " ".repeat(65_536) + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII);
                try {
                    out.write("1\r\n{\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (int sent = 0; sent < 50 * 16; sent++) { // 50 MiB, beyond the 40 MB limit
                        out.write(chunk);
                    }
                } catch (IOException e) {
                    // the server stopped reading: what it answered is read below
                }
            });
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = socket.getInputStream().read(buffer)) > 0;) {
                    received.write(buffer, 0, read);
                }
            } catch (IOException e) {
                // closed by the server once it answered
            }
            String answer = received.toString(StandardCharsets.UTF_8);
            writer.join(60_000);
            assertTrue(answer.startsWith("HTTP/1.1 413") && answer.contains("application/problem+json")
                    && answer.contains("body-too-large") && answer.contains("40"), answer);
        }
    }

    /** Sends a request as written and reads the answer until it is complete or the server stops sending. */
    private static String raw(String request) throws IOException {
        try (Socket socket = new Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(3_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int read; (read = socket.getInputStream().read(buffer)) > 0;) {
                    answer.write(buffer, 0, read);
                    if (answer.toString(StandardCharsets.UTF_8).endsWith("}")) {
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                // what arrived is the answer
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> valueRelease(String id, String period) {
        return new HashMap<>(Map.of("release", Map.of("id", id, "description", "A test release"),
                "observations", List.of(Map.of("indicator", "ai-workforce-total", "geo", "KR", "period", period,
                        "periodBasis", Quotes.stated(), "value", 3, "status", "observed",
                        "citations", Quotes.cites(Quotes.threeCountries())))));
    }

    private static String json(Map<String, Object> citation) {
        StringBuilder json = new StringBuilder("{");
        citation.forEach((key, value) -> json.append(json.length() > 1 ? ", " : "").append('"').append(key).append("\": ")
                .append(value instanceof Number ? value.toString() : "\"" + value + "\""));
        return json.append('}').toString();
    }

    private static String head() {
        return given().get("/v1/releases").then().statusCode(200).extract().path("items[0].id");
    }

    private static Response publishRaw(String body) {
        return Publishing.asPublisher().body(body).post("/v1/releases");
    }

    private static Response publish(Map<String, Object> body) {
        return publish(body, null);
    }

    private static Response publish(Map<String, Object> body, String idempotencyKey) {
        body.putIfAbsent("basedOn", head());
        var request = Publishing.asPublisher();
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(body).post("/v1/releases");
    }
}
