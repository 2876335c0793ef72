package io.indicators.catalogue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.indicators.catalogue.SeedCatalogue.Current;
import io.indicators.catalogue.SeedCatalogue.Key;
import io.indicators.common.api.DatePublished;
import io.indicators.release.ReleaseRequest.CitationInput;
import io.indicators.release.ReleaseRequest.DocumentInput;
import io.indicators.release.ReleaseRequest.IndicatorInput;
import io.indicators.release.ReleaseRequest.ObservationInput;
import io.indicators.release.ReleaseRequest.PublicationInput;
import io.quarkus.test.junit.QuarkusTest;

/**
 * End to end over the whole catalogue, not a sample: every current value in {@code seeds/} (the latest per
 * indicator, geo and period after applying the releases in order, retractions removing values) is served by the
 * API with the same value, unit, status, note and citations, and the API serves no value the seeds do not have.
 * Queries are made as of the last seed release, so releases other tests publish later cannot interfere.
 */
@QuarkusTest
class CatalogueApiTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final SeedCatalogue seeds = SeedCatalogue.load();
    private String asOf;

    @BeforeEach
    void findTheLastSeedRelease() {
        Instant last = null;
        for (JsonNode release : all("/v1/releases")) {
            if ("seed-loader".equals(release.path("publishedBy").asText())) {
                Instant at = Instant.parse(release.path("releasedAt").asText());
                last = last == null || at.isAfter(last) ? at : last;
            }
        }
        assertNotNull(last, "no release published by the seed loader: the seeds were not applied at start-up");
        asOf = last.toString();
    }

    @Test
    void everySeedValueIsServedExactlyAsSeeded() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (IndicatorInput indicator : seeds.indicators.values()) {
            JsonNode set = get("/v1/indicators/" + indicator.id() + "/observations?asOf=" + asOf);
            unit(indicator, set.path("indicator").path("unit"), "indicator " + indicator.id(), problems::add);

            Map<Key, JsonNode> served = new LinkedHashMap<>();
            set.path("observations").forEach(o -> {
                if (!o.path("retracted").asBoolean(false)) { // a withdrawn value is not a value
                    served.put(new Key(indicator.id(), o.path("geo").asText(), o.path("period").asText()), o);
                }
            });
            Map<Key, Current> expected = new LinkedHashMap<>();
            seeds.current.forEach((key, current) -> {
                if (key.indicator().equals(indicator.id())) {
                    expected.put(key, current);
                }
            });
            TreeSet<String> missing = new TreeSet<>();
            expected.keySet().stream().filter(k -> !served.containsKey(k)).forEach(k -> missing.add(k.toString()));
            TreeSet<String> extra = new TreeSet<>();
            served.keySet().stream().filter(k -> !expected.containsKey(k)).forEach(k -> extra.add(k.toString()));
            if (!missing.isEmpty()) {
                problems.add("not served: " + missing);
            }
            if (!extra.isEmpty()) {
                problems.add("served but not in seeds/ (or retracted there): " + extra);
            }
            for (Map.Entry<Key, Current> entry : expected.entrySet()) {
                JsonNode observation = served.get(entry.getKey());
                if (observation != null) {
                    compare(indicator, entry.getValue(), observation, entry.getKey().toString(), problems::add);
                    checked++;
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " difference(s) between seeds/ and the API:\n  "
                + String.join("\n  ", problems));
        assertEquals(seeds.current.size(), checked, "every seed value checked");
        assertFalse(seeds.current.isEmpty(), "the seed catalogue is empty");
    }

    @Test
    void everySeedIndicatorIsListedWithItsUnitAndNames() {
        Map<String, JsonNode> listed = new HashMap<>();
        all("/v1/indicators").forEach(i -> listed.put(i.path("id").asText(), i));
        List<String> problems = new ArrayList<>();
        for (IndicatorInput indicator : seeds.indicators.values()) {
            JsonNode served = listed.get(indicator.id());
            if (served == null) {
                problems.add("indicator " + indicator.id() + " is not listed by /v1/indicators");
                continue;
            }
            String where = "indicator " + indicator.id();
            unit(indicator, served.path("unit"), where, problems::add);
            same(where + " name.ko", indicator.name().ko(), text(served.path("name").path("ko")), problems::add);
            same(where + " name.en", indicator.name().en(), text(served.path("name").path("en")), problems::add);
            same(where + " valueKind", indicator.valueKind(), text(served.path("valueKind")), problems::add);
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n  ", problems));
    }

    @Test
    void everySeedDocumentIsASourceWithItsHashAndDate() {
        List<String> problems = new ArrayList<>();
        for (DocumentInput document : seeds.documents.values()) {
            JsonNode served = get("/v1/sources/" + document.id());
            String where = "document " + document.id();
            same(where + " fileName", document.fileName(), text(served.path("fileName")), problems::add);
            same(where + " sha256", document.sha256(), text(served.path("sha256")), problems::add);
            same(where + " url", document.url(), text(served.path("url")), problems::add);
            same(where + " note", document.note(), text(served.path("note")), problems::add);
            date(where, document.published(), served.path("published"), problems::add);
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n  ", problems));
    }

    private void compare(IndicatorInput indicator, Current current, JsonNode served, String where,
            Consumer<String> problems) {
        ObservationInput seed = current.observation();
        number(where + " value", seed.value(), served.path("value"), problems);
        number(where + " low", seed.low(), served.path("low"), problems);
        number(where + " high", seed.high(), served.path("high"), problems);
        unit(indicator, served.path("unit"), where, problems);
        same(where + " status", seed.status(), text(served.path("status")), problems);
        same(where + " note", seed.note(), text(served.path("note")), problems);
        String release = text(served.path("release"));
        String seededIn = current.release().request().release().id();
        if (release == null || !(release.equals(seededIn) || release.startsWith(seededIn + "."))) {
            problems.accept(where + ": served from release " + release + ", but its content is from " + seededIn
                    + " (" + current.release().file() + ")");
        }
        JsonNode wantedDerivation = seed.derivation() == null ? null : JSON.valueToTree(seed.derivation());
        JsonNode servedDerivation = served.path("derivation").isMissingNode() || served.path("derivation").isNull()
                ? null
                : served.path("derivation");
        if (!Objects.equals(wantedDerivation, servedDerivation)) {
            problems.accept(where + ": derivation served " + servedDerivation + ", seeds say " + wantedDerivation);
        }
        JsonNode citations = served.path("citations");
        if (citations.size() != seed.citations().size()) {
            problems.accept(where + ": " + citations.size() + " citations served, " + seed.citations().size() + " seeded");
            return;
        }
        for (int i = 0; i < seed.citations().size(); i++) {
            CitationInput wanted = seed.citations().get(i);
            JsonNode citation = citations.get(i);
            String at = where + " citation " + i;
            same(at + " quote", wanted.quote(), text(citation.path("quote")), problems);
            same(at + " document", wanted.document(), text(citation.path("document").path("id")), problems);
            DocumentInput document = seeds.documents.get(wanted.document());
            same(at + " document fileName", document == null ? null : document.fileName(),
                    text(citation.path("document").path("fileName")), problems);
            same(at + " publication", wanted.publication(), text(citation.path("publication").path("id")), problems);
            if (wanted.publication() != null) {
                PublicationInput publication = seeds.publications.get(wanted.publication());
                same(at + " publication title", publication.title().original(),
                        text(citation.path("publication").path("title").path("original")), problems);
                date(at + " publication", publication.published(), citation.path("publication").path("published"),
                        problems);
            }
        }
    }

    private static void unit(IndicatorInput indicator, JsonNode unit, String where, Consumer<String> problems) {
        same(where + " unit.code", indicator.unit().code(), text(unit.path("code")), problems);
        if (unit.has("multiplier")) {
            problems.accept(where + ": unit has a multiplier; values are served in base units");
        }
    }

    private static void date(String where, DatePublished seed, JsonNode served, Consumer<String> problems) {
        same(where + " published.basis", seed.basis(), text(served.path("basis")), problems);
        same(where + " published.date", seed.date(), text(served.path("date")), problems);
        same(where + " published.evidence", seed.evidence(), text(served.path("evidence")), problems);
        if (!"unknown".equals(seed.basis())) {
            same(where + " published.precision", seed.precision(), text(served.path("precision")), problems);
        }
    }

    private static void number(String what, BigDecimal seed, JsonNode served, Consumer<String> problems) {
        BigDecimal value = served == null || served.isNull() || served.isMissingNode() ? null : served.decimalValue();
        if (!SeedCatalogue.sameNumber(seed, value)) {
            problems.accept(what + ": served " + value + ", seeds say " + seed);
        }
    }

    private static void same(String what, String seed, String served, Consumer<String> problems) {
        if (!Objects.equals(seed, served)) {
            problems.accept(what + ": served «" + served + "», seeds say «" + seed + "»");
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static JsonNode get(String path) {
        byte[] body = given().when().get(path).then().statusCode(200).extract().asByteArray();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " did not return JSON", e);
        }
    }

    /** Every item of a cursor-paginated list, following {@code next} to the end. */
    private static List<JsonNode> all(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(path + "?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(items::add);
            cursor = text(page.path("next"));
        } while (cursor != null);
        return items;
    }
}
