package io.indicators.contract;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.ResponseBuilder;
import io.restassured.filter.Filter;

/**
 * Proves the guard guards: the contract filter is on REST Assured for every test, and a response that disagrees
 * with the contract fails.
 */
@QuarkusTest
class ContractValidationTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void theFilterIsInstalledWithoutTheTestAskingForIt() {
        assertTrue(ContractValidation.installed());
    }

    @Test
    void anUndocumentedPathFailsTheTestThatCalledIt() {
        AssertionError error = assertThrows(AssertionError.class, () -> given().get("/v1/not-in-the-contract"));
        assertTrue(error.getMessage().contains("does not match the contract"), error.getMessage());
    }

    @Test
    void aDocumentedExchangePasses() {
        given().get("/v1/indicators/ai-workforce-shortfall").then().statusCode(200);
    }

    @Test
    void aServerAnswerThatDisagreesWithTheContractFailsTheTest() {
        // A filter after the contract filter stands in for a server that answers with a body missing `next`.
        AssertionError error = assertThrows(AssertionError.class, () -> given()
                .filter(answer(200, "application/json", "{\"items\": []}"))
                .get("/v1/indicators"));
        assertTrue(error.getMessage().contains("next"), error.getMessage());
    }

    @Test
    void aServerThatAcceptsARequestTheContractRejectsFailsTheTest() {
        AssertionError error = assertThrows(AssertionError.class, () -> given()
                .filter(answer(200, "application/json", "{\"items\": [], \"next\": null}"))
                .queryParam("limit", 0)
                .get("/v1/indicators"));
        assertTrue(error.getMessage().contains("a request the contract"), error.getMessage());
    }

    @Test
    void aMalformedRequestTheServerRejectsWithADocumentedProblemPasses() {
        given().queryParam("limit", 0).get("/v1/indicators")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void anUndocumentedResponseHeaderFailsTheTest() {
        AssertionError error = assertThrows(AssertionError.class, () -> given()
                .filter((request, response, context) -> new ResponseBuilder().setStatusCode(200)
                        .setContentType("application/json").setHeader("X-Debug-Sql", "select 1")
                        .setBody("{\"items\": [], \"next\": null}").build())
                .get("/v1/indicators"));
        assertTrue(error.getMessage().contains("X-Debug-Sql"), error.getMessage());
    }

    @Test
    void aMissingRequiredFieldIsAnError() {
        assertInvalid("/v1/indicators", 200, "application/json", "{\"items\": []}");
    }

    @Test
    void aWrongTypeIsAnError() {
        assertInvalid("/v1/indicators", 200, "application/json", "{\"items\": [], \"next\": 3}");
    }

    @Test
    void anUndocumentedStatusIsAnError() {
        assertInvalid("/v1/indicators/x", 409, PROBLEM,
                "{\"type\": \"urn:indicator-api:problem:conflict\", \"title\": \"Conflict\", \"status\": 409}");
    }

    @Test
    void anUndocumentedMediaTypeIsAnError() {
        assertInvalid("/v1/indicators/x", 404, "text/plain", "Not found");
    }

    @Test
    void aProblemBodyMustBeAProblem() {
        assertInvalid("/v1/indicators/x", 404, PROBLEM, "{\"message\": \"Not found\"}");
        assertValid("/v1/indicators/x", 404, PROBLEM,
                "{\"type\": \"urn:indicator-api:problem:not-found\", \"title\": \"Not found\", \"status\": 404}");
    }

    /** A filter that answers in place of the server. */
    private static Filter answer(int status, String type, String body) {
        return (request, response, context) -> new ResponseBuilder().setStatusCode(status).setContentType(type)
                .setBody(body).build();
    }

    private static void assertInvalid(String path, int status, String type, String body) {
        assertTrue(validate(path, status, type, body).hasErrors(), path + " " + status + " " + body);
    }

    private static void assertValid(String path, int status, String type, String body) {
        ValidationReport report = validate(path, status, type, body);
        assertFalse(report.hasErrors(), report.getMessages().toString());
    }

    private static ValidationReport validate(String path, int status, String type, String body) {
        return ContractValidationFilter.validator().validateResponse(path, Request.Method.GET,
                SimpleResponse.Builder.status(status).withContentType(type).withBody(body).build());
    }
}
