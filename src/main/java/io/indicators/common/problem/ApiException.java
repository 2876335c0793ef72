package io.indicators.common.problem;

import java.util.List;

/** A failure the client can act on; {@link ProblemMapper} turns it into a problem body. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<ProblemError> errors;

    protected ApiException(int status, String type, String title, String detail, List<ProblemError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not-found", "Not found", detail, List.of());
    }

    public static ApiException badParameter(String parameter, String detail) {
        return new ApiException(400, "invalid-parameter", "Invalid request parameter", detail,
                List.of(ProblemError.atParameter(parameter, detail)));
    }

    public static ApiException notAcceptable(String detail) {
        return new ApiException(406, "not-acceptable", "Not acceptable", detail, List.of());
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, List.of());
    }

    public static ApiException preconditionFailed(String detail) {
        return new ApiException(412, "precondition-failed", "Precondition failed", detail, List.of());
    }

    public static ApiException preconditionRequired(String detail) {
        return new ApiException(428, "precondition-required", "Precondition required", detail, List.of());
    }

    public static ApiException releaseTooLarge(String detail) {
        return new ApiException(413, "release-too-large", "Release too large", detail, List.of());
    }

    /** The request body is larger than the service reads; the rest of it is not read, so the connection closes. */
    public static ApiException bodyTooLarge(String detail) {
        return new ApiException(413, "body-too-large", "Request body too large", detail, List.of());
    }

    public static ApiException tooManyValues(String detail) {
        return new ApiException(400, "too-many-values", "Too many values for one answer", detail, List.of());
    }

    /** The service cannot take the request now; a retry after a second will likely succeed. */
    public static ApiException busy(String detail) {
        return new ApiException(503, "busy", "Busy", detail, List.of());
    }

    /** The most errors one problem lists: enough to fix a release in a round trip, never a body larger than it. */
    public static final int MAX_ERRORS = 100;

    public static ApiException invalidRelease(List<ProblemError> errors) {
        return invalidRelease(errors, errors.size());
    }

    /** @param count how many errors were found, of which {@code errors} are the first */
    public static ApiException invalidRelease(List<ProblemError> errors, int count) {
        String omitted = count > MAX_ERRORS ? "; the first " + MAX_ERRORS + " are listed" : "";
        return new ApiException(422, "invalid-release", "The release is invalid",
                count + " error(s)" + omitted + "; nothing was applied",
                errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<ProblemError> errors() {
        return errors;
    }
}
