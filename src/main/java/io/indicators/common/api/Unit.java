package io.indicators.common.api;

/** A unit code and the power of ten values are expressed in (SDMX UNIT_MULT). */
public record Unit(String code, Integer multiplier) {
}
