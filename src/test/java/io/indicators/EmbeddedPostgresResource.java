package io.indicators;

import io.indicators.common.embedded.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real PostgreSQL for the test suite, JVM and native alike, started once per test JVM and shared by every
 * test class: the suite never runs against a mock or an in-memory stand-in.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.datasource.jdbc.url", EmbeddedDatabase.jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // Shared by all test classes; the JVM's shutdown hook stops it.
    }
}
