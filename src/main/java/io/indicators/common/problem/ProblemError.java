package io.indicators.common.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One thing wrong with a request: {@code pointer} is a JSON pointer into the body, {@code parameter} names a
 * query parameter or header.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemError(String pointer, String parameter, String detail) {

    public static ProblemError atPointer(String pointer, String detail) {
        return new ProblemError(pointer, null, detail);
    }

    public static ProblemError atParameter(String parameter, String detail) {
        return new ProblemError(null, parameter, detail);
    }
}
