package io.indicators.seed;

import java.nio.file.Path;
import java.util.Optional;

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

    /**
     * Folder holding the seed documents' texts, by file name. When a text is there, its hash and every quote from it
     * are verified as the seed is applied; without it the quotes are served as not verified. The texts are never
     * part of the build: their publishers keep the right to redistribute them.
     */
    Optional<Path> documents();
}
