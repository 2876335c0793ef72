package io.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Issue 13: observations as an SDMX-JSON 2.0.0 data message. Each observation is found here by its key, and the
 * messages are also written to target/sdmxjson, where {@code .ci/run} reads them with sdmx-json-parser (the Pacific
 * Community's reader, src/contract/sdmxjson-check.mjs), which is not this code.
 */
@QuarkusTest
class SdmxJsonTest {

    static final Path SAMPLES = Path.of("target", "sdmxjson");
    private static final String SHORTFALL = "/v1/indicators/ai-workforce-shortfall/observations";

    @Test
    void theShortfallIsAFlatDataMessageWithItsCitations() throws IOException {
        Response message = given().queryParam("geo", "KR").accept("application/vnd.sdmx.data+json;version=2.0.0")
                .get(SHORTFALL);
        message.then().statusCode(200).contentType(startsWith("application/vnd.sdmx.data+json"))
                .header("Content-Language", equalTo("en"))
                .body("meta.schema", startsWith("https://raw.githubusercontent.com/sdmx-twg/sdmx-json/v2.0.0/"))
                .body("data.structures[0].links[0].urn",
                        equalTo("urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=INDICATOR_API:DF_AI_WORKFORCE_SHORTFALL(1.0)"))
                .body("data.structures[0].dimensions.observation.id", contains("REF_AREA", "TIME_PERIOD"))
                .body("data.structures[0].dimensions.observation.keyPosition", contains(0, 1))
                .body("data.structures[0].measures.observation[0].id", equalTo("OBS_VALUE"))
                .body("data.structures[0].attributes.observation.id", contains("UNIT_MEASURE", "UNIT_MULT",
                        "OBS_STATUS", "OBS_STATUS_DETAIL", "DOCUMENT", "DOCUMENT_SHA256", "QUOTE", "QUOTE_START",
                        "QUOTE_END", "PUBLICATION"));
        Response json = given().queryParam("geo", "KR").get(SHORTFALL);
        JsonPath sdmx = message.jsonPath();
        List<Map<String, Object>> values = json.path("observations");
        for (Map<String, Object> value : values) {
            List<Object> observation = observation(sdmx, value.get("geo") + "", value.get("period") + "", null);
            assertEquals(((Number) value.get("value")).longValue(), ((Number) observation.get(0)).longValue());
            assertEquals("persons", attribute(sdmx, observation, "UNIT_MEASURE"));
            assertEquals("0", attribute(sdmx, observation, "UNIT_MULT"));
            assertEquals("A", attribute(sdmx, observation, "OBS_STATUS"));
            @SuppressWarnings("unchecked")
            Map<String, Object> citation = ((List<Map<String, Object>>) value.get("citations")).getFirst();
            assertEquals(citation.get("quote"), attribute(sdmx, observation, "QUOTE"));
            assertEquals(((Map<?, ?>) citation.get("document")).get("sha256"), attribute(sdmx, observation,
                    "DOCUMENT_SHA256"));
        }
        save("ai-workforce-shortfall", message, json);
    }

    @Test
    void aRangeHasABoundDimensionAndKoreanLabelsOnRequest() throws IOException {
        String salary = "/v1/indicators/ai-developer-salary-offer-silicon-valley/observations";
        Response message = given().queryParam("format", "sdmx-json").queryParam("lang", "ko").get(salary);
        message.then().statusCode(200).header("Content-Language", equalTo("ko"))
                .body("data.structures[0].dimensions.observation.id", contains("REF_AREA", "BOUND", "TIME_PERIOD"))
                .body("meta.contentLanguages", contains("ko"));
        Response json = given().get(salary);
        Map<String, Object> value = json.<List<Map<String, Object>>> path("observations").getFirst();
        JsonPath sdmx = message.jsonPath();
        assertEquals(300000L, ((Number) observation(sdmx, (String) value.get("geo"), (String) value.get("period"), "LOW")
                .get(0)).longValue());
        assertEquals(500000L, ((Number) observation(sdmx, (String) value.get("geo"), (String) value.get("period"), "HIGH")
                .get(0)).longValue());
        assertEquals("usd", attribute(sdmx, observation(sdmx, (String) value.get("geo"), (String) value.get("period"),
                "LOW"), "UNIT_MEASURE"));
        save("ai-developer-salary-offer-silicon-valley", message, json);
    }

    @Test
    void theSameQuestionGetsTheSameMessageAndHistoryIsNotOne() {
        String first = given().queryParam("format", "sdmx-json").get(SHORTFALL).asString();
        assertEquals(first, given().queryParam("format", "sdmx-json").get(SHORTFALL).asString());
        given().queryParam("format", "sdmx-json").queryParam("includeHistory", "true").get(SHORTFALL).then()
                .statusCode(406).contentType("application/problem+json");
    }

    /** The observation of a geography and period (and bound), found by its key of value indexes. */
    private static List<Object> observation(JsonPath sdmx, String geo, String period, String bound) {
        List<Map<String, Object>> dimensions = sdmx.getList("data.structures[0].dimensions.observation");
        StringBuilder key = new StringBuilder();
        for (Map<String, Object> dimension : dimensions) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> values = (List<Map<String, Object>>) dimension.get("values");
            String wanted = switch ((String) dimension.get("id")) {
                case "REF_AREA" -> geo;
                case "BOUND" -> bound;
                default -> SdmxCsv.timePeriod(period);
            };
            int index = values.stream().map(v -> v.get("id")).toList().indexOf(wanted);
            key.append(key.isEmpty() ? "" : ":").append(index);
        }
        return sdmx.getList("data.dataSets[0].observations.'" + key + "'");
    }

    /** An attribute of an observation: its value's id (coded) or value (uncoded), through the index the observation holds. */
    private static String attribute(JsonPath sdmx, List<Object> observation, String id) {
        List<String> ids = sdmx.getList("data.structures[0].attributes.observation.id");
        int at = ids.indexOf(id);
        int index = (Integer) observation.get(1 + at);
        Map<String, Object> value = sdmx.getMap("data.structures[0].attributes.observation[" + at + "].values[" + index + "]");
        return String.valueOf(value.containsKey("id") ? value.get("id") : value.get("value"));
    }

    private static void save(String name, Response message, Response json) throws IOException {
        Files.createDirectories(SAMPLES);
        Files.write(SAMPLES.resolve(name + ".sdmx.json"), message.asByteArray());
        Files.write(SAMPLES.resolve(name + ".json"), json.asByteArray());
    }
}
