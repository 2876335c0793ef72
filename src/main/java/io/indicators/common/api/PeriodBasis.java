package io.indicators.common.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Whether a value's reference period is stated by its source or inferred, and the evidence for it: "지난해 기준" in
 * an article of 2024 is 2023, but only as surely as the article's own date.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record PeriodBasis(String basis, String evidence) {
}
