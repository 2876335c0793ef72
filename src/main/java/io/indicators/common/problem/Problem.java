package io.indicators.common.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * RFC 9457 problem details, the body of every error response. Registered for reflection, with {@link ProblemError},
 * because it leaves as a {@code Response} entity, whose type the native build cannot infer.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<ProblemError> errors) {
}
