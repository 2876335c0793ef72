package io.indicators.seed;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "indicators.seeds")
public interface SeedConfig {

    /** Whether to apply the curated catalogue at start-up. */
    @WithDefault("true")
    boolean enabled();

    /** Classpath folder holding {@code catalogue.yaml} and the release files it lists. */
    @WithDefault("seeds")
    String location();
}
