package io.indicators.common.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One value of one series: an indicator, a geography, a reference period. */
@RegisterForReflection
public record SeriesPoint(String indicator, String geo, String period) {
}
