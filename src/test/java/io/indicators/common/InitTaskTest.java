package io.indicators.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.indicators.common.schema.SchemaVersion;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.Launch;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainTest;

/**
 * The init task of a rollout (deploy/kubernetes/base/init-job.yaml): the same build, run with
 * indicators.init-task=true on an empty database, migrates it, applies the seeds and exits 0.
 */
@QuarkusMainTest
@TestProfile(InitTaskTest.InitTask.class)
class InitTaskTest {

    private static final Pattern FLYWAY_DATABASE = Pattern.compile("Database: (jdbc:postgresql://\\S+) \\(");

    public static class InitTask implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("indicators.init-task", "true");
        }
    }

    @Test
    @Launch(exitCode = 0)
    void migratesAppliesTheSeedsAndExits(LaunchResult result) throws SQLException {
        assertTrue(result.getOutput().contains("Init task done"), result.getOutput());
        // The launched application has its own class loader, and so its own embedded server: ask Flyway where it was.
        Matcher database = FLYWAY_DATABASE.matcher(result.getOutput());
        assertTrue(database.find(), "Flyway names the database it migrated");
        try (Connection connection = DriverManager.getConnection(database.group(1), "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery(
                    "select max(version::integer) from flyway_schema_history where success")) {
                row.next();
                assertEquals(SchemaVersion.EXPECTED, row.getInt(1), "the schema is migrated");
            }
            try (ResultSet row = statement.executeQuery("select count(*) from release where published_by = 'seed-loader'")) {
                row.next();
                assertTrue(row.getInt(1) > 0, "the seeds are applied");
            }
        }
    }
}
