package io.indicators.contract;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.atlassian.oai.validator.interaction.response.CustomResponseValidator;
import com.atlassian.oai.validator.model.ApiOperation;
import com.atlassian.oai.validator.model.Body;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.restassured.http.Header;
import io.swagger.v3.oas.models.responses.ApiResponse;

/**
 * Fails a response that carries a header its operation's response does not document. swagger-request-validator
 * checks the headers a response documents, never the ones it sends without documenting; an SDK user cannot rely on
 * a header the contract does not name, and a header the code adds silently is contract drift.
 */
final class UndocumentedHeaders implements CustomResponseValidator {

    static final String KEY = "validation.response.header.undocumented";

    /**
     * Message framing, the content coding (gzip, negotiated by Accept-Encoding) and the media type, which HTTP itself
     * governs (the media type is validated against {@code content} separately); no API contract documents these.
     */
    private static final Set<String> TRANSPORT = Set.of("content-type", "content-length", "content-encoding",
            "transfer-encoding", "connection", "keep-alive", "date", "server");

    @Override
    public ValidationReport validate(Response response, ApiOperation operation) {
        if (!(response instanceof Sent sent) || operation.getOperation().getResponses() == null) {
            return ValidationReport.empty();
        }
        ApiResponse documented = operation.getOperation().getResponses().get(String.valueOf(response.getStatus()));
        if (documented == null) {
            documented = operation.getOperation().getResponses().getDefault();
        }
        if (documented == null) {
            return ValidationReport.empty(); // an undocumented status is reported by the library itself
        }
        Set<String> allowed = new TreeSet<>(TRANSPORT);
        Map<String, ?> headers = documented.getHeaders();
        if (headers != null) {
            headers.keySet().forEach(name -> allowed.add(name.toLowerCase(Locale.ROOT)));
        }
        Set<String> undocumented = new TreeSet<>();
        for (Header header : sent.response().getHeaders()) {
            if (!allowed.contains(header.getName().toLowerCase(Locale.ROOT))) {
                undocumented.add(header.getName());
            }
        }
        if (undocumented.isEmpty()) {
            return ValidationReport.empty();
        }
        return ValidationReport.singleton(ValidationReport.Message.create(KEY, "Response status "
                + response.getStatus() + " sends headers the contract does not document: " + undocumented).build());
    }

    /** The response as the validator sees it, keeping the REST Assured response so its header names are known. */
    record Sent(io.restassured.response.Response response, Response delegate) implements Response {

        static Sent of(io.restassured.response.Response response) {
            return new Sent(response, RestAssuredResponse.of(response));
        }

        @Override
        public int getStatus() {
            return delegate.getStatus();
        }

        @Override
        @SuppressWarnings("deprecation")
        public Optional<String> getBody() {
            return delegate.getBody();
        }

        @Override
        public Optional<Body> getResponseBody() {
            return delegate.getResponseBody();
        }

        @Override
        public Collection<String> getHeaderValues(String name) {
            return delegate.getHeaderValues(name);
        }

        @Override
        public Optional<String> getHeaderValue(String name) {
            return delegate.getHeaderValue(name);
        }

        @Override
        public Optional<String> getContentType() {
            return delegate.getContentType();
        }
    }
}
