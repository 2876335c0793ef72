package io.indicators.observation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 13: observations as an SDMX-CSV 2.0 data message, read with the test's own RFC 4180 reader: the SDMX columns
 * in their order, and the same numbers and quotes as the JSON answer.
 */
@QuarkusTest
class SdmxCsvTest {

    @Test
    void theShortfallIsAnSdmxDataMessage() {
        Response sdmx = given().queryParam("geo", "KR").accept("application/vnd.sdmx.data+csv;version=2.0.0")
                .get("/v1/indicators/ai-workforce-shortfall/observations");
        sdmx.then().statusCode(200).contentType(startsWith("application/vnd.sdmx.data+csv"));
        List<Map<String, String>> rows = TidyCsvTest.parse(sdmx.asString());
        assertEquals(List.of("STRUCTURE", "STRUCTURE_ID", "REF_AREA", "TIME_PERIOD", "OBS_VALUE", "UNIT_MEASURE",
                "UNIT_MULT", "OBS_STATUS", "OBS_STATUS_DETAIL", "DOCUMENT", "DOCUMENT_SHA256", "QUOTE", "QUOTE_START",
                "QUOTE_END", "PUBLICATION"), List.copyOf(rows.getFirst().keySet()));
        Response json = given().queryParam("geo", "KR").get("/v1/indicators/ai-workforce-shortfall/observations");
        assertEquals(json.<List<Object>> path("observations").size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            assertEquals("dataflow", row.get("STRUCTURE"));
            assertEquals("INDICATOR_API:DF_AI_WORKFORCE_SHORTFALL(1.0)", row.get("STRUCTURE_ID"));
            assertEquals(json.path("observations[" + i + "].period"), row.get("TIME_PERIOD"));
            assertEquals(json.path("observations[" + i + "].value").toString(), row.get("OBS_VALUE"));
            assertEquals("0", row.get("UNIT_MULT"));
            assertEquals("A", row.get("OBS_STATUS"));
            assertEquals(json.path("observations[" + i + "].citations[0].quote"), row.get("QUOTE"));
        }
    }

    @Test
    void intervalsRangesAndStatusesUseSdmxForms() {
        List<Map<String, String>> patents = TidyCsvTest.parse(given().queryParam("geo", "KR")
                .queryParam("format", "sdmx-csv").get("/v1/indicators/genai-patents-filed/observations").asString());
        assertEquals("2014-01-01/P10Y", patents.getFirst().get("TIME_PERIOD"));
        List<Map<String, String>> salary = TidyCsvTest.parse(given().queryParam("format", "sdmx-csv")
                .get("/v1/indicators/ai-developer-salary-offer-silicon-valley/observations").asString());
        assertEquals(List.of("LOW", "HIGH"), salary.stream().map(row -> row.get("BOUND")).toList());
        assertEquals(List.of("300000", "500000"), salary.stream().map(row -> row.get("OBS_VALUE")).toList());
        assertEquals("E", salary.getFirst().get("OBS_STATUS"));
        List<Map<String, String>> gpus = TidyCsvTest.parse(given().queryParam("format", "sdmx-csv")
                .get("/v1/indicators/gpu-supply-commitment/observations").asString());
        assertEquals("F", gpus.getFirst().get("OBS_STATUS"));
        assertEquals("260000", gpus.getFirst().get("OBS_VALUE"));
        given().queryParam("format", "sdmx-csv").queryParam("includeHistory", "true")
                .get("/v1/indicators/ai-workforce-shortfall/observations").then().statusCode(406);
    }
}
