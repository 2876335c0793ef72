package io.indicators.common.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one place errors become responses: every failure is an {@code application/problem+json} body and no stack
 * trace or class name reaches a client.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:indicator-api:problem:";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Response problem = problem(e.status(), e.type(), e.title(), e.getMessage(), uri, e.errors());
        return e.status() == 503 ? Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, 1).build() : problem;
    }

    // Listed one by one: Quarkus REST has its own mappers for these subtypes, and the most specific mapper wins.
    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            UnrecognizedPropertyException.class, InvalidFormatException.class })
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        List<ProblemError> errors = List.of();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String pointer = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
            errors = List.of(ProblemError.atPointer(pointer, e instanceof UnrecognizedPropertyException
                    ? "is not a field of this object" : "has the wrong type"));
        }
        return problem(400, "malformed-body", "Malformed request body",
                "The body is not valid JSON of the expected shape" + where, uri, errors);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        Response problem = problem(401, "unauthorized", "Authentication required",
                "This operation needs a valid bearer token", uri, List.of());
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "The token does not grant the publisher role", uri, List.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("Request failed", e);
        }
        return problem(status.getStatusCode(), "about:blank", status.getReasonPhrase(), e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("Unexpected failure", e);
        return problem(500, "internal-error", "Internal server error",
                "The request could not be completed; it has been logged", uri, List.of());
    }

    private static Response problem(int status, String type, String title, String detail, UriInfo uri,
            List<ProblemError> errors) {
        String typeUri = type.startsWith("about:") ? type : TYPE_PREFIX + type;
        return Response.status(status)
                .type(PROBLEM_JSON)
                .entity(new Problem(typeUri, title, status, detail, uri.getRequestUri().getRawPath(), errors))
                .build();
    }
}
