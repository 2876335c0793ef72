package io.indicators.common.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.agroal.api.AgroalDataSource;

/**
 * Ready only on the schema this build was written for. In production the schema is migrated once per rollout by the
 * init task (InitTask, deploy/kubernetes/base/init-job.yaml), not by every serving pod, so a pod may start before the
 * task has run: it stays out of the Service until the migrations it needs are there, and the rollout waits for it.
 * One indexed query, and none once the version has been seen: schemas only move forward.
 */
@Readiness
@ApplicationScoped
public class SchemaVersion implements HealthCheck {

    /** The newest migration in src/main/resources/db/migration (SchemaVersionTest keeps the two in step). */
    public static final int EXPECTED = 9;

    private final AgroalDataSource dataSource;
    private volatile boolean seen;

    SchemaVersion(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public HealthCheckResponse call() {
        if (seen) {
            return HealthCheckResponse.up("schema");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select max(version::integer) from flyway_schema_history where success and version is not null");
                ResultSet row = statement.executeQuery()) {
            int applied = row.next() ? row.getInt(1) : 0;
            seen = applied >= EXPECTED;
            return HealthCheckResponse.named("schema").status(seen).withData("applied", applied)
                    .withData("expected", EXPECTED).build();
        } catch (SQLException e) {
            return HealthCheckResponse.named("schema").down().withData("error", e.getSQLState() == null
                    ? "unreachable"
                    : "SQL state " + e.getSQLState()).build();
        }
    }
}
