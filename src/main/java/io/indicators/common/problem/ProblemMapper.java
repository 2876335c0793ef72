package io.indicators.common.problem;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place errors become responses: every failure is an {@code application/problem+json} body and no stack
 * trace or class name reaches a client.
 */
public class ProblemMapper {

    private final AllowedMethods allowedMethods;

    ProblemMapper(AllowedMethods allowedMethods) {
        this.allowedMethods = allowedMethods;
    }

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:indicator-api:problem:";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String NOT_ACCEPTABLE = "None of the formats you accept is one this resource answers in. "
            + "application/json: every read; text/csv: observations, histories and changes; application/json-stat+json, "
            + "application/vnd.sdmx.data+csv;version=2.0.0 and application/vnd.sdmx.data+json;version=2.0.0: "
            + "observations; application/ld+json: an indicator; application/x-bibtex, "
            + "application/vnd.citationstyles.csl+json, application/x-research-info-systems: a source or a publication; "
            + "text/calendar: the release calendar; text/event-stream: the change stream. Where you cannot set Accept, "
            + "pass format= (json, csv, jsonstat, sdmx-csv, sdmx-json, jsonld, bibtex, csl, ris)";
    private static final Duration OUTAGE_LOG_INTERVAL = Duration.ofSeconds(30);
    private static final AtomicLong lastOutageLog = new AtomicLong(System.nanoTime() - OUTAGE_LOG_INTERVAL.toNanos() - 1);

    /** How each kind of failure is answered: its status, problem type and title, as the contract lists them. */
    private record Answer(int status, String type, String title) {
    }

    private static Answer answer(ApiException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> new Answer(404, "not-found", "Not found");
            case INVALID_PARAMETER -> new Answer(400, "invalid-parameter", "Invalid request parameter");
            case NOT_ACCEPTABLE -> new Answer(406, "not-acceptable", "Not acceptable");
            case CONFLICT -> new Answer(409, "conflict", "Conflict");
            case PRECONDITION_FAILED -> new Answer(412, "precondition-failed", "Precondition failed");
            case PRECONDITION_REQUIRED -> new Answer(428, "precondition-required", "Precondition required");
            case RELEASE_TOO_LARGE -> new Answer(413, "release-too-large", "Release too large");
            case BODY_TOO_LARGE -> new Answer(413, "body-too-large", "Request body too large");
            case TOO_MANY_VALUES -> new Answer(400, "too-many-values", "Too many values for one answer");
            case BUSY -> new Answer(503, "busy", "Busy");
            case INVALID_RELEASE -> new Answer(422, "invalid-release", "The release is invalid");
        };
    }

    /** The problem a failure is answered with: here, and below Quarkus REST in HttpLimits. */
    public static Problem problemOf(ApiException e, String path) {
        Answer answer = answer(e.kind());
        return new Problem(TYPE_PREFIX + answer.type(), answer.title(), answer.status(), e.getMessage(), path, e.errors());
    }

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Problem problem = problemOf(e, uri.getRequestUri().getRawPath());
        Response.ResponseBuilder response = Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
        return switch (e.kind()) {
            case BUSY -> response.header(HttpHeaders.RETRY_AFTER, 1).build();
            // The unread rest of the body would be taken for the next request on this connection.
            case BODY_TOO_LARGE -> response.header("Connection", "close").build();
            default -> response.build();
        };
    }

    // Listed one by one: Quarkus REST has its own mappers for these subtypes, and the most specific mapper wins.
    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            UnrecognizedPropertyException.class, InvalidFormatException.class, StreamConstraintsException.class })
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        // Syntax and limit messages name no Java type; mapping messages do, so they are replaced below.
        String why = e instanceof JsonParseException || e instanceof StreamConstraintsException
                ? ": " + e.getOriginalMessage()
                : "";
        List<ProblemError> errors = List.of();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String pointer = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex()))
                    .collect(Collectors.joining("/", "/", ""));
            String detail = e instanceof UnrecognizedPropertyException ? "is not a field of this object"
                    : e instanceof InvalidFormatException invalid && invalid.getTargetType() == String.class
                            ? invalid.getOriginalMessage()
                            : "has the wrong type";
            errors = List.of(ProblemError.atPointer(pointer, detail));
        }
        return problem(400, "malformed-body", "Malformed request body",
                "The body is not valid JSON of the expected shape" + where + why, uri, errors);
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
    public Response http(WebApplicationException e, UriInfo uri, Request request) {
        // Quarkus REST wraps some body-reading failures (limits among them) in a 400 of its own.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return unreadableBody(json, uri);
            }
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            LOG.error("Request failed", e);
        }
        // The framework's own wording names annotations and resource methods; a client needs to hear what to do.
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow == null && status.getStatusCode() == 405) {
            allow = allowedMethods.of(uri.getPath()).orElse(null);
        }
        Response problem = switch (status.getStatusCode()) {
            case 404 -> problem(404, "not-found", "Not found", "There is no such resource in this API; "
                    + "the contract at /q/openapi lists every path", uri, List.of());
            case 405 -> problem(405, "method-not-allowed", "Method not allowed", "This path does not take "
                    + request.getMethod() + (allow == null ? "" : "; it takes " + allow), uri, List.of());
            case 406 -> problem(406, "not-acceptable", "Not acceptable", NOT_ACCEPTABLE, uri, List.of());
            case 415 -> problem(415, "unsupported-media-type", "Unsupported media type",
                    "Send the body as application/json", uri, List.of());
            default -> problem(status.getStatusCode(), "about:blank", status.getReasonPhrase(),
                    status.getReasonPhrase(), uri, List.of());
        };
        return allow == null ? problem : Response.fromResponse(problem).header(HttpHeaders.ALLOW, allow).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            // One line per outage, not a stack trace per request: the cause is outside this service.
            long now = System.nanoTime();
            long last = lastOutageLog.get();
            if (now - last > OUTAGE_LOG_INTERVAL.toNanos() && lastOutageLog.compareAndSet(last, now)) {
                LOG.warnf("The database is unavailable; answering 503 until it is back (%s)", rootMessage(e));
            }
            Response problem = problem(503, "database-unavailable", "Service unavailable",
                    "The catalogue's database cannot be reached just now; retry shortly", uri, List.of());
            return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, 5).build();
        }
        LOG.error("Unexpected failure", e);
        return problem(500, "internal-error", "Internal server error",
                "The request could not be completed; it has been logged", uri, List.of());
    }

    /**
     * Whether a failure is the database being out of reach: a connection-class SQL state (08xxx), an administrator
     * shutdown (57P0x), or no connection to be had from the pool within its acquisition timeout.
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                    return true;
                }
            }
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** The deepest message in the cause chain: the driver's own words ("Connection refused"). */
    private static String rootMessage(Throwable e) {
        String message = e.getMessage();
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
        }
        return message;
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
