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

    /**
     * Test classes under a profile (such as {@link IsolatedCatalogue}) get a fresh database of their own, so what
     * they publish never reaches the default one the other classes share.
     */
    @Override
    public Map<String, String> start() {
        String url = profile == null ? EmbeddedDatabase.jdbcUrl()
                : EmbeddedDatabase.freshDatabaseJdbcUrl(profile.substring(profile.lastIndexOf('.') + 1)
                        .replace('$', '_').toLowerCase());
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
