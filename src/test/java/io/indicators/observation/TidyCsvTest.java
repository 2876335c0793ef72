package io.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Issue 13, first slice: values as a tidy CSV (read back here by an RFC 4180 parser of the test's own, not the
 * library that wrote it), negotiated by Accept or format=, with their own entity tags; CORS and compression.
 */
@QuarkusTest
public class TidyCsvTest {

    private static final String SHORTFALL = "/v1/indicators/ai-workforce-shortfall/observations";
    static final Path SAMPLES = Path.of("target", "csv");

    @Test
    void observationsAreOneRowPerValueWithTheQuoteOnTheRow() throws IOException {
        Response json = given().queryParam("geo", "KR").get(SHORTFALL);
        Response csv = given().queryParam("geo", "KR").accept("text/csv").get(SHORTFALL);
        csv.then().statusCode(200).contentType(startsWith("text/csv"));
        assertTrue(csv.asString().contains("\r\n"), "RFC 4180 lines end in CRLF");
        List<Map<String, String>> rows = parse(csv.asString());
        List<Map<String, Object>> values = json.path("observations");
        assertEquals(values.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            Map<String, Object> value = values.get(i);
            assertEquals("ai-workforce-shortfall", row.get("indicator"));
            assertEquals(value.get("period"), row.get("period"));
            assertEquals(value.get("value").toString(), row.get("value"));
            assertEquals("persons", row.get("unit"));
            assertEquals(json.path("observations[" + i + "].citations[0].quote"), row.get("quote"));
            assertEquals(json.path("observations[" + i + "].citations[0].document.sha256"), row.get("document_sha256"));
            assertEquals(json.path("observations[" + i + "].citations[0].selectors.textPosition.start").toString(),
                    row.get("quote_start"));
            assertEquals("1", row.get("citation_count"));
        }
        assertEquals("2020-01-01", rows.getFirst().get("period_start"));
        assertEquals("2020-12-31", rows.getFirst().get("period_end"));

        // For pandas in .ci/run (src/contract/csv-check.py): the table and the JSON answer it must agree with.
        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve("ai-workforce-shortfall.csv"), csv.asByteArray());
        Files.write(SAMPLES.resolve("ai-workforce-shortfall.json"), json.asByteArray());

        // Scaled values are plain base-unit numbers, with the written form beside them.
        List<Map<String, String>> gpus = parse(given().queryParam("format", "csv")
                .get("/v1/indicators/gpu-supply-commitment/observations").asString());
        assertEquals("260000", gpus.getFirst().get("value"));
        assertEquals("26만 장", gpus.getFirst().get("as_stated"));
    }

    @Test
    void historiesAndChangesAreTablesToo() {
        List<Map<String, String>> history = parse(given().queryParam("geo", "KR").queryParam("format", "csv")
                .get(SHORTFALL + "/2023/history").asString());
        assertEquals("8579", history.getFirst().get("value"));
        List<Map<String, String>> changes = parse(given().queryParam("format", "csv")
                .get("/v1/releases/2026-11-ai-workforce-shortfall/changes").asString());
        assertEquals(3, changes.size());
        assertEquals("added", changes.getFirst().get("change"));
        assertEquals("persons", changes.getFirst().get("unit"));
        List<Map<String, String>> feed = parse(given().queryParam("format", "csv").queryParam("limit", 100)
                .get("/v1/changes").asString());
        assertTrue(feed.size() >= 37, "the seeds' values are in the feed: " + feed.size());
    }

    @Test
    void labelsComeInTheLanguageAskedFor() {
        Response english = given().queryParam("geo", "KR").queryParam("format", "csv").get(SHORTFALL);
        english.then().header("Content-Language", equalTo("en"));
        assertEquals("AI workforce shortfall", parse(english.asString()).getFirst().get("indicator_name"));
        // The same address in Korean, by header and then by parameter: never the other language's cached answer.
        Response korean = given().queryParam("geo", "KR").queryParam("format", "csv")
                .header("Accept-Language", "ko-KR,ko;q=0.9,en;q=0.5").get(SHORTFALL);
        korean.then().header("Content-Language", equalTo("ko"));
        assertEquals("인공지능 부문 부족 인력", parse(korean.asString()).getFirst().get("indicator_name"));
        assertNotEquals(english.header("ETag"), korean.header("ETag"));
        given().queryParam("geo", "KR").queryParam("format", "jsonstat").queryParam("lang", "ko").get(SHORTFALL)
                .then().statusCode(200).header("Content-Language", equalTo("ko"))
                .body("label", equalTo("인공지능 부문 부족 인력"))
                .body("dimension.geo.label", equalTo("지역"));
        // JSON carries both languages and names none.
        given().queryParam("geo", "KR").header("Accept-Language", "ko").get(SHORTFALL).then().statusCode(200)
                .header("Content-Language", org.hamcrest.Matchers.nullValue())
                .body("indicator.name.en", equalTo("AI workforce shortfall"));
        given().queryParam("lang", "fr").get(SHORTFALL).then().statusCode(400)
                .body("errors[0].parameter", equalTo("lang"));
        List<Map<String, String>> changes = parse(given().queryParam("format", "csv").queryParam("lang", "ko")
                .get("/v1/releases/2026-11-ai-workforce-shortfall/changes").asString());
        assertEquals("인공지능 부문 부족 인력", changes.getFirst().get("indicator_name"));
    }

    @Test
    void formatWinsOverAcceptAndAnUnknownFormatIsRefused() {
        String csvTag = given().queryParam("geo", "KR").queryParam("format", "csv").accept("application/json")
                .get(SHORTFALL).then().statusCode(200).contentType(startsWith("text/csv")).extract().header("ETag");
        String jsonTag = given().queryParam("geo", "KR").get(SHORTFALL).then().statusCode(200).extract().header("ETag");
        assertNotEquals(csvTag, jsonTag, "each format has its own entity tag");
        given().queryParam("geo", "KR").queryParam("format", "csv").header("If-None-Match", csvTag).get(SHORTFALL)
                .then().statusCode(304);
        given().queryParam("geo", "KR").accept("application/xml").get(SHORTFALL).then().statusCode(406)
                .contentType("application/problem+json").body("detail", containsString("text/csv"));
        given().queryParam("format", "xml").get(SHORTFALL).then().statusCode(400)
                .body("errors[0].parameter", equalTo("format"));
        given().queryParam("format", "csv").get("/v1/indicators").then().statusCode(406);
    }

    @Test
    void anyPageMayReadButNotPublishAndAnswersAreCompressed() throws IOException, InterruptedException {
        // CORS and content coding are HTTP's, outside the contract: the contract filter is off for these.
        given().noFilters().header("Origin", "https://example.org").get(SHORTFALL).then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://example.org"))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        given().noFilters().header("Origin", "https://example.org").header("Access-Control-Request-Method", "GET")
                .options(SHORTFALL).then().statusCode(200)
                .header("Access-Control-Allow-Methods", containsString("GET"));
        String allowed = given().noFilters().header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST").options("/v1/releases").header("Access-Control-Allow-Methods");
        assertTrue(allowed == null || !allowed.contains("POST"), "publishing is not open to other origins: " + allowed);
        // JDK's client, which leaves the body as sent (REST Assured's inflates it and drops the header).
        HttpResponse<byte[]> gzipped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + SHORTFALL)).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(null), gzipped.headers().toString());
        try (var inflated = new GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
            assertArrayEquals(given().get(SHORTFALL).asByteArray(), inflated.readAllBytes());
        }
    }

    /** A small RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF, and a header row naming the columns. */
    public static List<Map<String, String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        List<String> header = records.getFirst();
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> values : records.subList(1, records.size())) {
            assertEquals(header.size(), values.size(), "every row has every column: " + values);
            Map<String, String> row = new java.util.LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }
}
