package io.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.indicators.common.embedded.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A hot standby of the suite's PostgreSQL, streaming its WAL the way a CloudNativePG replica streams from its
 * primary: a base backup taken with the server running (pg_backup_start/pg_backup_stop, the files copied in
 * between), a physical replication slot so that no WAL it needs is recycled, and standby.signal. Real replication,
 * real replay lag; started once per test JVM, for the tests of reads on replicas.
 */
public final class EmbeddedStandby {

    private static final String SUITE_SLOT = "suite_standby";
    private static final Pattern PORT = Pattern.compile("//[^:/]+:(\\d+)/");
    /** What a base backup leaves out (PostgreSQL's "Making a Base Backup Using the Low Level API"), and zonky's lock. */
    private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "epg-lock", "backup_label",
            "tablespace_map");
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial",
            "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private static EmbeddedStandby suite;

    private final String slot;
    private final EmbeddedPostgres server;

    private EmbeddedStandby(String slot) {
        this.slot = slot;
        this.server = start(slot);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-standby-stop"));
    }

    /** The suite's standby's URL for a database of the primary (created there; replicated here), as its superuser. */
    public static synchronized String jdbcUrl(String database) {
        return suite().url(database);
    }

    /** Runs SQL on the suite's standby (pausing and resuming replay, say), as its superuser. */
    public static void execute(String sql) {
        suite().run(sql);
    }

    private static synchronized EmbeddedStandby suite() {
        if (suite == null) {
            suite = new EmbeddedStandby(SUITE_SLOT);
        }
        return suite;
    }

    /**
     * A standby of its own, for a test that changes it for good (promotes it): streaming through its own replication
     * slot, which {@link #promote()} drops so the primary keeps no WAL for it afterwards.
     */
    public static EmbeddedStandby dedicated(String slot) {
        return new EmbeddedStandby(slot);
    }

    /**
     * The service's replica datasource on this standby's copy of a test profile's database, connecting as the service's
     * own role (zonky's URLs name the superuser).
     */
    public Map<String, String> replicaDatasourceFor(Class<?> profile) {
        String url = url(EmbeddedPostgresResource.databaseOf(profile.getName())).replaceFirst("[?&]user=[^&]*", "");
        return Map.of("quarkus.datasource.replica.jdbc.url", url,
                "quarkus.datasource.replica.username", EmbeddedPostgresResource.SERVICE_ROLE,
                "quarkus.datasource.replica.password", EmbeddedPostgresResource.SERVICE_ROLE);
    }

    /** {@link #replicaDatasourceFor} on the suite's standby. */
    public static Map<String, String> suiteReplicaDatasourceFor(Class<?> profile) {
        return suite().replicaDatasourceFor(profile);
    }

    public String url(String database) {
        return server.getJdbcUrl("postgres", database);
    }

    public int port() {
        return server.getPort();
    }

    public void run(String sql) {
        try (Connection connection = DriverManager.getConnection(url("postgres"));
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("On the standby: " + sql, e);
        }
    }

    /**
     * Makes this standby a primary, as a failover does: it ends recovery and takes writes. Its slot on the old primary
     * is dropped once the standby has let go of it.
     */
    public void promote() throws InterruptedException {
        run("select pg_promote(true, 60)");
        try (Connection primary = DriverManager.getConnection(EmbeddedDatabase.jdbcUrl());
                Statement statement = primary.createStatement()) {
            for (int attempt = 0;; attempt++) {
                try (ResultSet row = statement.executeQuery("select active from pg_replication_slots where slot_name = '"
                        + slot + "'")) {
                    if (!row.next()) {
                        return;
                    }
                    if (!row.getBoolean(1)) {
                        statement.execute("select pg_drop_replication_slot('" + slot + "')");
                        return;
                    }
                }
                if (attempt > 100) {
                    throw new IllegalStateException("The promoted standby still holds slot " + slot);
                }
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop slot " + slot + " on the primary", e);
        }
    }

    private static EmbeddedPostgres start(String slot) {
        String primary = EmbeddedDatabase.jdbcUrl();
        Matcher port = PORT.matcher(primary);
        if (!port.find()) {
            throw new IllegalStateException("No port in " + primary);
        }
        try (Connection connection = DriverManager.getConnection(primary);
                Statement statement = connection.createStatement()) {
            Path source;
            try (ResultSet row = statement.executeQuery("show data_directory")) {
                row.next();
                source = Path.of(row.getString(1));
            }
            statement.execute("select pg_create_physical_replication_slot('" + slot + "', true)");
            Path copy = Files.createTempDirectory("indicator-api-standby");
            statement.execute("select pg_backup_start('" + slot + "', true)");
            copy(source, copy);
            try (ResultSet row = statement.executeQuery("select labelfile from pg_backup_stop(false)")) {
                row.next();
                Files.writeString(copy.resolve("backup_label"), row.getString(1));
            }
            Files.writeString(copy.resolve("standby.signal"), "");
            Files.writeString(copy.resolve("postgresql.auto.conf"), "primary_conninfo = 'host=localhost port="
                    + port.group(1) + " user=postgres'\nprimary_slot_name = '" + slot + "'\nhot_standby = on\n");
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
            return EmbeddedPostgres.builder().setDataDirectory(copy.toFile()).setCleanDataDirectory(false).start();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot take a base backup of the suite's PostgreSQL", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start a standby of the suite's PostgreSQL", e);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path relative = source.relativize(file);
                Path to = target.resolve(relative.toString());
                if (relative.getNameCount() > 1 && EMPTIED.contains(relative.getName(0).toString())) {
                    continue;
                }
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else if (!LEFT_OUT.contains(relative.toString())) {
                    try {
                        Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                    } catch (java.nio.file.NoSuchFileException e) {
                        // Removed by the running server while it was copied (a temporary file): not part of the backup.
                    }
                }
            }
        }
    }

    private void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // The JVM is exiting.
        }
    }
}
