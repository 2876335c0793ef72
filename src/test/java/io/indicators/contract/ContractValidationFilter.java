package io.indicators.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Validates every REST Assured exchange of the suite against the contract, {@code META-INF/openapi.yaml} read from
 * the classpath (the very file the service serves at {@code /q/openapi}).
 *
 * <ul>
 * <li><b>Responses are validated strictly</b>, always: an undocumented path, method or status, an undocumented media
 * type, a body that does not match its schema (problem bodies against {@code Problem}), a missing required header
 * fails the test that made the request. So does a header the response sends but does not document
 * ({@link UndocumentedHeaders}).</li>
 * <li><b>Requests are validated too</b>, but several tests send malformed requests on purpose to see them rejected.
 * So a request the contract rejects must be rejected by the server with a documented 4xx: the response is then
 * validated as usual and the test goes on. If the server <i>accepts</i> (2xx/3xx) a request the contract rejects,
 * the contract and the code disagree about what is valid, and the test fails.</li>
 * <li>{@code /q/*} (health, the OpenAPI document itself, Swagger UI) is Quarkus' own and outside the contract: not
 * validated. Nor is the explorer page ({@code /}, {@code /explorer/*}): a client of the API, not part of it.</li>
 * </ul>
 */
public final class ContractValidationFilter implements Filter {

    /** The contract, as packaged: the same resource the service serves. */
    public static final String CONTRACT = "META-INF/openapi.yaml";

    private static volatile OpenApiInteractionValidator validator;

    @Override
    public Response filter(FilterableRequestSpecification requestSpec, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(requestSpec, responseSpec);
        String path = URI.create(requestSpec.getURI()).getRawPath();
        if (path.equals("/q") || path.startsWith("/q/") || path.equals("/") || path.equals("/index.html")
                || path.startsWith("/explorer/")) {
            return response;
        }
        Request request = RestAssuredRequest.of(requestSpec);
        ValidationReport responseReport = validator().validateResponse(path, request.getMethod(),
                UndocumentedHeaders.Sent.of(response));
        if (responseReport.hasErrors()) {
            throw new AssertionError("The response to " + request.getMethod() + " " + path + " (status "
                    + response.statusCode() + ") does not match the contract " + CONTRACT + ":\n"
                    + format(responseReport) + "\nBody: " + response.asString());
        }
        ValidationReport requestReport = validator().validateRequest(request);
        if (requestReport.hasErrors() && response.statusCode() < 400) {
            throw new AssertionError("The server answered " + response.statusCode() + " to " + request.getMethod()
                    + " " + requestSpec.getURI() + ", a request the contract " + CONTRACT
                    + " rejects; the contract or the code is wrong:\n" + format(requestReport));
        }
        return response;
    }

    static OpenApiInteractionValidator validator() {
        OpenApiInteractionValidator current = validator;
        if (current == null) {
            synchronized (ContractValidationFilter.class) {
                current = validator;
                if (current == null) {
                    current = validator = OpenApiInteractionValidator
                            .createForInlineApiSpecification(contract())
                            .withCustomResponseValidation(new UndocumentedHeaders())
                            .withLevelResolver(LevelResolver.create()
                                    .withLevels(ContractValidationLevels.OVERRIDES)
                                    .build())
                            .build();
                }
            }
        }
        return current;
    }

    private static String contract() {
        ClassLoader loader = ContractValidationFilter.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(CONTRACT)) {
            if (in == null) {
                throw new IllegalStateException(CONTRACT + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(ValidationReport report) {
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> "  - [" + m.getKey() + "] " + m.getMessage()
                        + m.getAdditionalInfo().stream().map(i -> "\n      " + i).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }
}
