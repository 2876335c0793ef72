package io.indicators.common.api;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A number as its source writes it: {@code text} is quoted from the source, and {@code number} (or {@code low} and
 * {@code high} for a range) times 10^{@code multiplier} is the value in base units. "26만 장" is 26 × 10^4 = 260000.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
public record AsStated(String text, BigDecimal number, BigDecimal low, BigDecimal high, Integer multiplier) {
}
