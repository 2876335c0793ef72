package io.indicators.release;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.indicators.Publishing;
import io.indicators.Quotes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Issue 11: every number is served in base units beside its written form, every quote is anchored in its document
 * and verified when the text is there, derived values are computed, and every read repeats an {@code asOf} answer
 * byte for byte after metadata and value releases.
 */
@QuarkusTest
@TestProfile(TrustedValuesTest.OwnCatalogue.class)
class TrustedValuesTest {

    /** A catalogue of its own: these tests revise seed values and read others exactly as seeded. */
    public static class OwnCatalogue implements QuarkusTestProfile {
    }

    private static final String HANKYOREH_SHA256 = "ca2705a8951167651db199f0be3c801f4c66cb167cbefbce100c4c61cad34e59";
    private static final Path HANKYOREH_TEXT = Path.of("../shared/seeds/004_68f1ed4171375629.txt");

    @Test
    void scaledValuesAreServedInBaseUnitsWithTheirWrittenForm() {
        given().get("/v1/indicators/gpu-supply-commitment/observations").then().statusCode(200)
                .body("indicator.unit.code", equalTo("count"))
                .body("observations[0].value", equalTo(260000))
                .body("observations[0].asStated.text", equalTo("26만 장"))
                .body("observations[0].asStated.number", equalTo(26))
                .body("observations[0].asStated.multiplier", equalTo(4));
        given().get("/v1/indicators/ai-developer-salary-offer-silicon-valley/observations").then().statusCode(200)
                .body("observations[0].low", equalTo(300000))
                .body("observations[0].high", equalTo(500000))
                .body("observations[0].asStated.text", equalTo("30만~50만 달러"));
        given().get("/v1/indicators/ai-developer-salary-offer-silicon-valley-krw/observations").then().statusCode(200)
                .body("observations[0].low", equalTo(334000000))
                .body("observations[0].high", equalTo(557000000));
        given().get("/v1/indicators/korean-ai-talent-salary-silicon-valley/observations").then().statusCode(200)
                .body("observations[0].value", equalTo(2000000000))
                .body("observations[0].asStated.text", equalTo("20억"))
                .body("observations[0].asStated.multiplier", equalTo(8));
        given().get("/v1/indicators/ai-patents-per-100k-inhabitants").then().statusCode(200)
                .body("unit.code", equalTo("per-100000-inhabitants"));
        given().get("/v1/indicators/ai-maturity-tier").then().statusCode(200).body("unit.code", equalTo("tier"));
    }

    @Test
    void everySeedQuoteIsAnchoredAndVerifiedAgainstItsDocument() {
        given().queryParam("geo", "KR").get("/v1/indicators/ai-workforce-shortfall/observations").then().statusCode(200)
                .body("observations[1].periodBasis.basis", equalTo("inferred"))
                .body("observations[1].periodBasis.evidence", containsString("지난해 기준"))
                .body("observations[1].citations[0].document.sha256", equalTo(HANKYOREH_SHA256))
                .body("observations[1].citations[0].selectors.textPosition.start", equalTo(1260))
                .body("observations[1].citations[0].selectors.textPosition.end", equalTo(1279))
                .body("observations[1].citations[0].selectors.textQuote.exact", equalTo("부족 인력은 8579명으로 집계됐다"))
                .body("observations[1].citations[0].selectors.textQuote.prefix", equalTo("기준 국내 인공지능 부문 인력은 모두 5만1425명으로, "))
                .body("observations[1].citations[0].verification.status", equalTo("verified"))
                .body("observations[1].citations[0].verification.sha256", equalTo(HANKYOREH_SHA256));
        for (String seed : List.of("2026-11-ai-workforce-shortfall", "2026-11-full-catalogue")) {
            given().queryParam("limit", 100).get("/v1/releases/" + seed + "/changes").then().statusCode(200)
                    .body("changes.citations.flatten().verification.status", everyItem(equalTo("verified")));
        }
    }

    @Test
    void aQuoteOrHashThatDoesNotHoldIsRefusedWithItsPointer() throws IOException {
        String text = Files.readString(HANKYOREH_TEXT, StandardCharsets.UTF_8);
        int before = releaseCount();

        Map<String, Object> wrongQuote = valueRelease("test-wrong-quote", "2031",
                Quotes.citation("8579명이 아니다", 0, "", "", null));
        wrongQuote.put("documentTexts", List.of(Map.of("document", Quotes.HANKYOREH, "text", text)));
        publish(wrongQuote).then().statusCode(422)
                .body("errors.pointer", hasItem("/observations/0/citations/0/quote"));

        Map<String, Object> unanchored = valueRelease("test-unanchored", "2031",
                Map.of("document", Quotes.HANKYOREH, "quote", "세 나라"));
        publish(unanchored).then().statusCode(422).body("errors.pointer", hasItem("/observations/0/citations/0"));

        Map<String, Object> wrongText = valueRelease("test-wrong-text", "2031", Quotes.threeCountries());
        wrongText.put("documentTexts", List.of(Map.of("document", Quotes.HANKYOREH, "text", text + " ")));
        publish(wrongText).then().statusCode(422)
                .body("errors.pointer", hasItem("/documentTexts/0/text"))
                .body("errors.detail", hasItem(containsString(HANKYOREH_SHA256)));

        Map<String, Object> wrongPosition = valueRelease("test-wrong-position", "2031",
                Quotes.citation("세 나라", 1625, "", "", null));
        wrongPosition.put("documentTexts", List.of(Map.of("document", Quotes.HANKYOREH, "text", text)));
        publish(wrongPosition).then().statusCode(422).body("errors.pointer", hasItem("/observations/0/citations/0/quote"));

        Map<String, Object> misstated = valueRelease("test-misstated", "2031", Quotes.threeCountries());
        observation(misstated).put("asStated", Map.of("text", "세 나라", "number", 30, "multiplier", 0));
        publish(misstated).then().statusCode(422).body("errors.pointer", hasItem("/observations/0/asStated/number"));
        assertEquals(before, releaseCount(), "nothing was applied");

        // With the text, the selectors a publisher leaves out are found there, and the quote is verified.
        Map<String, Object> found = valueRelease("test-found-in-text", "2031",
                Map.of("document", Quotes.HANKYOREH, "quote", "세 나라"));
        found.put("documentTexts", List.of(Map.of("document", Quotes.HANKYOREH, "text", text)));
        publish(found).then().statusCode(201);
        given().get("/v1/indicators/test-indicator-trust/observations").then().statusCode(200)
                .body("observations[0].citations[0].selectors.textPosition.start", equalTo(1624))
                .body("observations[0].citations[0].selectors.textQuote.suffix", equalTo(" 중 하나였다. 한국에 견줘 미국이 높은 연봉 등 좋은 처"))
                .body("observations[0].citations[0].verification.status", equalTo("verified"));

        // Without it, the publisher's selectors are kept and the quote is served as not verified.
        publish(valueRelease("test-not-verified", "2032", Quotes.threeCountries())).then().statusCode(201);
        given().queryParam("startPeriod", "2032").get("/v1/indicators/test-indicator-trust/observations").then()
                .body("observations[0].citations[0].verification.status", equalTo("unverified"))
                .body("observations[0].citations[0].verification.checkedAt", nullValue());
    }

    @Test
    void aDerivedValueIsComputedCheckedAndDerivedAgainWhenItsInputIsRevised() {
        Map<String, Object> wrong = new HashMap<>(Map.of("release", Map.of("id", "test-derived-99", "description", "x"),
                "observations", List.of(new HashMap<>(Map.of("indicator", "ai-workforce-shortfall-growth-multiple",
                        "geo", "KR", "period", "2020/2023", "periodBasis", Quotes.stated(), "value", 99,
                        "status", "derived", "derivation", Map.of("operation", "ratio", "inputs", List.of(
                                Map.of("indicator", "ai-workforce-shortfall", "geo", "KR", "period", "2023"),
                                Map.of("indicator", "ai-workforce-shortfall", "geo", "KR", "period", "2020"))),
                        "citations", Quotes.cites(Quotes.shortfall2023()))))));
        publish(wrong).then().statusCode(422)
                .body("errors.pointer", hasItem("/observations/0/value"))
                .body("errors.detail", hasItem(containsString("states 99, but ratio(8579, 1609) = 5.3318832")));
        given().get("/v1/releases/test-derived-99").then().statusCode(404);

        Map<String, Object> revision = new HashMap<>(Map.of("release", Map.of("id", "test-revise-2020", "description", "x"),
                "observations", List.of(Map.of("indicator", "ai-workforce-shortfall", "geo", "KR", "period", "2020",
                        "periodBasis", Quotes.stated(), "value", 1700, "status", "observed", "reason", "Test revision",
                        "citations", Quotes.cites(Quotes.citation("3년 전(1609명)", 1281, "", "", null))))));
        publish(revision).then().statusCode(201).body("changes.revised", equalTo(2));
        given().urlEncodingEnabled(false)
                .get("/v1/indicators/ai-workforce-shortfall-growth-multiple/observations/2020%2F2023/history?geo=KR")
                .then().statusCode(200)
                .body("versions", hasSize(2))
                .body("versions[1].value", equalTo(5.0f))
                .body("versions[1].release", equalTo("test-revise-2020"))
                .body("versions[1].reason", containsString("ai-workforce-shortfall KR 2020"))
                .body("versions[1].reason", containsString("ratio(8579, 1700) = 5.0 (was 5.3)"))
                .body("versions[1].asStated", nullValue())
                .body("versions[1].citations.quote", hasItem("부족 인력은 8579명으로 집계됐다"));
    }

    @Test
    void everyReadRepeatsAnAsOfAnswerByteForByteAfterMetadataAndValueReleases() {
        String asOf = Instant.now().toString();
        String firstRelease = "2026-11-ai-workforce-shortfall";
        List<String> reads = List.of("/v1/indicators", "/v1/indicators/ai-workforce-shortfall",
                "/v1/indicators/ai-workforce-shortfall/observations",
                "/v1/indicators/ai-workforce-shortfall/observations/2023/history?geo=KR",
                "/v1/indicators/ai-workforce-shortfall/vintages", "/v1/sources", "/v1/sources/" + Quotes.HANKYOREH,
                "/v1/releases", "/v1/releases/" + firstRelease, "/v1/releases/" + firstRelease + "/changes", "/v1/changes");
        Map<String, Response> answers = new LinkedHashMap<>();
        for (String read : reads) {
            answers.put(read, get(read, asOf));
        }

        // A metadata-only release (the document's English title) and a value release.
        String retitled = "Companies head to Silicon Valley for AI talent (retitled)";
        publish(new HashMap<>(Map.of("release", Map.of("id", "test-retitle", "description", "Retitles a document"),
                "documents", List.of(hankyoreh(retitled))))).then().statusCode(201)
                .body("changes.added", equalTo(0)).body("changes.revised", equalTo(0));
        publish(new HashMap<>(Map.of("release", Map.of("id", "test-asof-value", "description", "Revises a value"),
                "observations", List.of(Map.of("indicator", "ai-workforce-total", "geo", "KR", "period", "2023",
                        "periodBasis", Quotes.stated(), "value", 51426, "status", "observed", "reason", "Test",
                        "citations", Quotes.cites(Quotes.threeCountries()))))))
                .then().statusCode(201);
        given().get("/v1/sources/" + Quotes.HANKYOREH).then().body("title.en", equalTo(retitled));

        answers.forEach((read, before) -> {
            Response after = get(read, asOf);
            assertArrayEquals(before.asByteArray(), after.asByteArray(), read + " changed after later releases");
            assertEquals(before.header("ETag"), after.header("ETag"), read + " has a new entity tag");
            String[] pathAndQuery = read.split("\\?");
            var request = given().queryParam("asOf", asOf).header("If-None-Match", before.header("ETag"));
            if (pathAndQuery.length > 1) {
                request.queryParam("geo", "KR");
            }
            request.get(pathAndQuery[0]).then().statusCode(304);
        });
        // A release's changes are shown with the sources as they were when it landed, with or without asOf.
        given().get("/v1/releases/" + firstRelease + "/changes").then().statusCode(200)
                .body("changes[0].citations[0].document.title.en", not(equalTo(retitled)));
    }

    @Test
    void publishedByAnswersWhatTheWorldCouldReadByThen() {
        String shortfall = "/v1/indicators/ai-workforce-shortfall/observations";
        // The SPRi survey is dated April 2024 (inferred): by the end of March nobody could read its 8,579.
        given().queryParam("geo", "KR").queryParam("startPeriod", "2023").queryParam("publishedBy", "2024-03")
                .get(shortfall).then().statusCode(200)
                .body("publishedBy", equalTo("2024-03"))
                .body("observations", hasSize(0));
        given().queryParam("geo", "KR").queryParam("startPeriod", "2023").queryParam("publishedBy", "2024-04")
                .get(shortfall).then().statusCode(200)
                .body("observations.value", contains(8579));
        // The JoongAng Ilbo article states its day, 2018-08-27.
        given().queryParam("publishedBy", "2018-08-26").get("/v1/indicators/ai-technology-level/observations")
                .then().statusCode(200).body("observations", hasSize(0));
        given().queryParam("publishedBy", "2018-08-27").get("/v1/indicators/ai-technology-level/observations")
                .then().statusCode(200).body("observations", hasSize(5));
        // A source whose date is unknown never counts as published: the WIPO report's figures come only through
        // the Yonhap article (2025).
        given().queryParam("geo", "KR").queryParam("publishedBy", "2024-12")
                .get("/v1/indicators/genai-patents-filed/observations").then().statusCode(200)
                .body("observations", hasSize(0));
        given().queryParam("publishedBy", "2024-13").get(shortfall).then().statusCode(400)
                .body("errors[0].parameter", equalTo("publishedBy"));
        given().queryParam("publishedBy", "2024").queryParam("includeHistory", "true").get(shortfall)
                .then().statusCode(400).body("errors[0].parameter", equalTo("publishedBy"));
    }

    @Test
    void aMalformedAsOfIsABadRequestOnEveryRead() {
        for (String read : List.of("/v1/indicators", "/v1/indicators/ai-workforce-shortfall",
                "/v1/indicators/ai-workforce-shortfall/vintages", "/v1/sources", "/v1/sources/" + Quotes.HANKYOREH,
                "/v1/releases", "/v1/releases/2026-11-ai-workforce-shortfall", "/v1/changes",
                "/v1/indicators/ai-workforce-shortfall/observations/2023/history?geo=KR")) {
            for (String asOf : List.of("garbage", "", "-4714-11-24T00:00:00Z", "-999999999-01-01T00:00:00Z",
                    "+999999999-12-31T23:59:59Z", "2024-02-30T00:00:00Z")) {
                String[] pathAndQuery = read.split("\\?");
                var request = given().queryParam("asOf", asOf);
                if (pathAndQuery.length > 1) {
                    request.queryParam("geo", "KR");
                }
                request.get(pathAndQuery[0]).then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].parameter", equalTo("asOf"));
            }
        }
    }

    private static Response get(String read, String asOf) {
        String[] pathAndQuery = read.split("\\?");
        var request = given().queryParam("asOf", asOf);
        if (pathAndQuery.length > 1) {
            request.queryParam("geo", "KR");
        }
        Response response = request.get(pathAndQuery[0]);
        response.then().statusCode(200);
        return response;
    }

    private static Map<String, Object> hankyoreh(String titleEn) {
        return Map.of("id", Quotes.HANKYOREH, "fileName", "004_68f1ed4171375629.txt", "sha256", HANKYOREH_SHA256,
                "publisher", Map.of("original", "한겨레", "en", "The Hankyoreh"),
                "title", Map.of("original", "“AI 인재 직접 모셔온다” 실리콘밸리로 향하는 기업들", "en", titleEn),
                "authors", List.of("선담은"), "language", "ko",
                "published", Map.of("date", "2024-09", "precision", "month", "basis", "inferred",
                        "evidence", "Related headlines from late September 2024."));
    }

    /** A release with one value of a test-only indicator, citing {@code citation}. */
    private static Map<String, Object> valueRelease(String id, String period, Map<String, Object> citation) {
        return new HashMap<>(Map.of("release", Map.of("id", id, "description", "A test release"),
                "indicators",
                List.of(Map.of("id", "test-indicator-trust", "name", Map.of("ko", "시험 지표", "en", "Test indicator"),
                        "unit", Map.of("code", "count"), "frequency", "annual", "valueKind", "number")),
                "observations", List.of(new HashMap<>(Map.of("indicator", "test-indicator-trust", "geo", "KR",
                        "period", period, "periodBasis", Quotes.stated(), "value", 3, "status", "observed",
                        "citations", List.of(citation))))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> observation(Map<String, Object> release) {
        return ((List<Map<String, Object>>) release.get("observations")).getFirst();
    }

    private static Response publish(Map<String, Object> body) {
        body.putIfAbsent("basedOn", given().get("/v1/releases").then().statusCode(200).extract().path("items[0].id"));
        return Publishing.asPublisher().body(body).post("/v1/releases");
    }

    private static int releaseCount() {
        return given().queryParam("limit", 100).get("/v1/releases").then().statusCode(200).extract().path("items.size()");
    }
}
