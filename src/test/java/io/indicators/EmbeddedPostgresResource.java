package io.indicators;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.indicators.common.embedded.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real PostgreSQL for the test suite, JVM and native alike, started once per test JVM and shared by every
 * test class: the suite never runs against a mock or an in-memory stand-in. Also hands the service the public key
 * that verifies {@link PublisherTokens}.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    /** Test profiles whose class name ends so get their database through {@link DatabaseProxy}. */
    public static final String BEHIND_A_PROXY = "BehindAProxy";
    /** ... and, when it ends so, find the database down as they start, for {@link #DOWN_AT_START_FOR}. */
    public static final String DOWN_AT_START = "DownAtStart";
    public static final java.time.Duration DOWN_AT_START_FOR = java.time.Duration.ofSeconds(4);
    /** The role the service connects as (V4 grants it reading and appending only); its password is its name. */
    public static final String SERVICE_ROLE = "indicator_api";
    private static final Pattern ADDRESS = Pattern.compile("//([^:/]+):(\\d+)/");

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
        String url = profile == null ? EmbeddedDatabase.jdbcUrl() : EmbeddedDatabase.freshDatabaseJdbcUrl(databaseOf(profile));
        if (profile != null && profile.endsWith(BEHIND_A_PROXY)) {
            // The service reaches this database through a proxy the test can cut (DatabaseOutageTest).
            Matcher address = ADDRESS.matcher(url);
            if (!address.find()) {
                throw new IllegalStateException("Cannot read host and port from " + url);
            }
            DatabaseProxy proxy = DatabaseProxy.to(address.group(1), Integer.parseInt(address.group(2)));
            url = address.replaceFirst("//127.0.0.1:" + proxy.port() + "/");
            if (profile.endsWith(DOWN_AT_START + BEHIND_A_PROXY)) {
                proxy.downFor(DOWN_AT_START_FOR);
            }
        }
        createServiceRole();
        // zonky's URLs name the superuser; the service must connect as its own role.
        url = url.replaceFirst("[?&]user=[^&]*", "");
        // As in production: migrations as the schema owner, the service as a role that can only read and append.
        return Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", SERVICE_ROLE,
                "quarkus.datasource.password", SERVICE_ROLE,
                "quarkus.flyway.username", "postgres",
                "quarkus.flyway.password", "postgres",
                "mp.jwt.verify.publickey", PublisherTokens.publicKeyBase64());
    }

    /** The database of the test classes under a profile. */
    public static String databaseOf(String profile) {
        return profile.substring(profile.lastIndexOf('.') + 1).replace('$', '_').toLowerCase();
    }

    /** Where the test classes under a profile find their database, as its superuser. */
    public static String jdbcUrlOf(Class<?> profile) {
        return EmbeddedDatabase.jdbcUrl().replaceFirst("/postgres\\?", "/" + databaseOf(profile.getName()) + "?");
    }

    private static synchronized void createServiceRole() {
        try (Connection connection = DriverManager.getConnection(EmbeddedDatabase.jdbcUrl(), "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + SERVICE_ROLE
                    + "') then create role " + SERVICE_ROLE + " login password '" + SERVICE_ROLE + "'; end if; end $$");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the service role", e);
        }
    }

    @Override
    public void stop() {
        // Shared by all test classes; the JVM's shutdown hook stops it.
    }
}
