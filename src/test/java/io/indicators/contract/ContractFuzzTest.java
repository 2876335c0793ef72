package io.indicators.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every read of the contract, with every parameter it documents, fed hostile values from a fixed seed: no answer is a
 * 5xx, every error is a problem that names no Java class or framework, and the catalogue is the same afterwards.
 * The contract validator checks each exchange as in every other test.
 */
@QuarkusTest
class ContractFuzzTest {

    private static final long SEED = 20261129L;
    private static final int REQUESTS_PER_OPERATION = 30;
    /** Built from code units, so the class file holds no NUL or half surrogate (class scanners choke on them). */
    private static final String NUL = String.valueOf((char) 0);
    private static final String HALF_SURROGATE = String.valueOf((char) 0xD83D);
    private static final List<String> HOSTILE = List.of("", " ", NUL, "a" + NUL + "b", "'", "\"", "' or 1=1 --",
            "../../etc/passwd", "%", "%25zz", "😀", HALF_SURROGATE, "x".repeat(1_500), "-1", "0", "1e309",
            "99999999999999999999999", "NaN", "true", "null", "2024-13", "2024-02-30", "-4714-11-24T00:00:00Z",
            "+999999999-01-01T00:00:00Z", "2024-10-01T00:00:00", "9999-12-31T23:59:59Z", "2014/2023", "2023-Q5",
            "<script>alert(1)</script>", "KR,US", "kr", "WORLD", "dj E6", "djE6eHl6", "v1:1", "ai-workforce-shortfall",
            "2023", "KR", "2026-11-22T18:00:00Z", "20", "101");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final List<String> LEAKS = List.of("java.", "jakarta.", "io.indicators", "org.hibernate",
            "org.postgresql", "Exception", "@Produces", "@Consumes", "resource method");

    @Test
    void everyReadAnswersHostileParametersWithAProblemNeverAFailure() throws IOException {
        JsonNode contract = contract();
        String catalogueBefore = given().get("/v1/releases").then().statusCode(200).extract().header("ETag");
        Random random = new Random(SEED);
        int requests = 0;
        for (var path = contract.path("paths").fields(); path.hasNext();) {
            var entry = path.next();
            JsonNode get = entry.getValue().path("get");
            // A stream that is answered 200 stays open for as long as it is read; ChangeStreamTest sends it bad input.
            if (get.isMissingNode() || get.path("responses").path("200").path("content").has("text/event-stream")) {
                continue;
            }
            List<JsonNode> parameters = parameters(contract, get);
            for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
                RequestSpecification request = given();
                String target = entry.getKey();
                Matcher placeholders = PATH_PARAMETER.matcher(target);
                while (placeholders.find()) {
                    request.pathParam(placeholders.group(1), value(random, parameters, placeholders.group(1)));
                }
                for (JsonNode parameter : parameters) {
                    if (parameter.path("in").asText().equals("query") && random.nextBoolean()) {
                        request.queryParam(parameter.path("name").asText(),
                                value(random, parameters, parameter.path("name").asText()));
                    }
                }
                Response response = request.get(target);
                requests++;
                String body = response.asString();
                assertTrue(response.statusCode() < 500, "GET " + target + " answered " + response.statusCode() + ": " + body);
                if (response.statusCode() >= 400) {
                    assertTrue(response.contentType().startsWith("application/problem+json"),
                            "GET " + target + " error is not a problem: " + response.contentType());
                    for (String leak : LEAKS) {
                        assertFalse(body.contains(leak), "GET " + target + " leaks '" + leak + "': " + body);
                    }
                }
            }
        }
        assertTrue(requests >= 300, "fuzzed " + requests + " requests");
        assertEquals(catalogueBefore, given().get("/v1/releases").then().statusCode(200).extract().header("ETag"),
                "reads changed the catalogue");
    }

    /** Mostly hostile, sometimes the documented example, so requests also get past the first check. */
    private static String value(Random random, List<JsonNode> parameters, String name) {
        if (random.nextInt(4) == 0) {
            for (JsonNode parameter : parameters) {
                if (parameter.path("name").asText().equals(name) && parameter.has("example")) {
                    return parameter.path("example").asText();
                }
            }
        }
        return HOSTILE.get(random.nextInt(HOSTILE.size()));
    }

    private static List<JsonNode> parameters(JsonNode contract, JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.has("$ref")) {
                String name = parameter.path("$ref").asText().substring("#/components/parameters/".length());
                parameters.add(contract.path("components").path("parameters").path(name));
            } else {
                parameters.add(parameter);
            }
        }
        return parameters;
    }

    private static JsonNode contract() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(ContractValidationFilter.CONTRACT)) {
            return new YAMLMapper().readTree(in);
        }
    }
}
