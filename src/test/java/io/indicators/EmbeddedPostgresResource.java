package io.indicators;

import io.indicators.common.embedded.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * A real PostgreSQL for the test suite, JVM and native alike, started once per test JVM and shared by every
 * test class: the suite never runs against a mock or an in-memory stand-in. Also hands the service the public key
 * that verifies {@link PublisherTokens}.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    private String profile;

    @Override
    public void setContext(Context context) {
        profile = context.testProfile();
    }

    /** Test classes under a {@link IsolatedCatalogue} profile get a database of their own, freshly seeded. */
    @Override
    public Map<String, String> start() {
        String url = profile != null && profile.endsWith(IsolatedCatalogue.class.getSimpleName())
                ? EmbeddedDatabase.freshDatabaseJdbcUrl("isolated_catalogue")
                : EmbeddedDatabase.jdbcUrl();
        return Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "mp.jwt.verify.publickey", PublisherTokens.publicKeyBase64());
    }

    @Override
    public void stop() {
        // Shared by all test classes; the JVM's shutdown hook stops it.
    }
}
