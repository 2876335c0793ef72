package io.indicators.common.api;

/**
 * What a value counts, such as persons, usd or per-100000-inhabitants. Values are always in the unit's base amount:
 * no multiplier to apply, so 260,000 GPUs are served as 260000 (a value's {@code asStated} keeps "26만 장").
 */
public record Unit(String code) {
}
