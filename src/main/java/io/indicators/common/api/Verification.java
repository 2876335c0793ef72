package io.indicators.common.api;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Whether the service checked a quote against its document's text: {@code verified} at {@code checkedAt}, against
 * the text whose SHA-256 is {@code sha256}; {@code unverified} when the text was not there to check it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record Verification(String status, Instant checkedAt, String sha256) {

    public static Verification of(Instant checkedAt, String sha256) {
        return checkedAt == null ? new Verification("unverified", null, null) : new Verification("verified", checkedAt, sha256);
    }
}
