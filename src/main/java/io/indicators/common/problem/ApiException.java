package io.indicators.common.problem;

import java.util.List;

/**
 * A failure the client can act on, named by what went wrong ({@link Kind}), never by an HTTP status: the services
 * and the agent tools share it, and {@link ProblemMapper} alone decides how each kind is answered over HTTP.
 */
public class ApiException extends RuntimeException {

    /** What went wrong; each is one problem type of the contract. */
    public enum Kind {
        NOT_FOUND,
        INVALID_PARAMETER,
        NOT_ACCEPTABLE,
        CONFLICT,
        PRECONDITION_FAILED,
        PRECONDITION_REQUIRED,
        RELEASE_TOO_LARGE,
        BODY_TOO_LARGE,
        TOO_MANY_VALUES,
        BUSY,
        INVALID_RELEASE
    }

    /** The most errors one problem lists: enough to fix a release in a round trip, never a body larger than it. */
    public static final int MAX_ERRORS = 100;

    private final Kind kind;
    private final List<ProblemError> errors;

    private ApiException(Kind kind, String detail, List<ProblemError> errors) {
        super(detail);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Kind.NOT_FOUND, detail, List.of());
    }

    public static ApiException badParameter(String parameter, String detail) {
        return new ApiException(Kind.INVALID_PARAMETER, detail, List.of(ProblemError.atParameter(parameter, detail)));
    }

    public static ApiException notAcceptable(String detail) {
        return new ApiException(Kind.NOT_ACCEPTABLE, detail, List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(Kind.CONFLICT, detail, List.of());
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(Kind.PRECONDITION_FAILED, detail, List.of());
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(Kind.PRECONDITION_REQUIRED, detail, List.of());
    }

    public static ApiException releaseTooLarge(String detail) {
        return new ApiException(Kind.RELEASE_TOO_LARGE, detail, List.of());
    }

    /** The request body is larger than the service reads; the rest of it is not read, so the connection closes. */
    public static ApiException bodyTooLarge(String detail) {
        return new ApiException(Kind.BODY_TOO_LARGE, detail, List.of());
    }

    public static ApiException tooManyValues(String detail) {
        return new ApiException(Kind.TOO_MANY_VALUES, detail, List.of());
    }

    /** The service cannot take the request now; a retry after a second will likely succeed. */
    public static ApiException busy(String detail) {
        return new ApiException(Kind.BUSY, detail, List.of());
    }

    public static ApiException invalidRelease(List<ProblemError> errors) {
        return invalidRelease(errors, errors.size());
    }

    /** @param count how many errors were found, of which {@code errors} are the first */
    public static ApiException invalidRelease(List<ProblemError> errors, int count) {
        String omitted = count > MAX_ERRORS ? "; the first " + MAX_ERRORS + " are listed" : "";
        return new ApiException(Kind.INVALID_RELEASE, count + " error(s)" + omitted + "; nothing was applied",
                errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
    }

    public Kind kind() {
        return kind;
    }

    public List<ProblemError> errors() {
        return errors;
    }
}
