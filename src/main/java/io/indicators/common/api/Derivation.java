package io.indicators.common.api;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How a derived value follows from two others, a and b: ratio a/b, percent-of 100a/b, difference a-b, percent-change
 * 100(a-b)/b. Published in a release and served with the value, so it is shared by both.
 */
@RegisterForReflection
public record Derivation(String operation, List<SeriesPoint> inputs) {
}
