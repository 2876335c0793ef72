package io.indicators.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.indicators.EmbeddedPostgresResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 12: published history cannot be rewritten or emptied with the service's own database role, whatever code
 * runs with it; and not even the schema owner can truncate it or rewrite a row.
 */
@QuarkusTest
class AppendOnlyTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Inject
    AgroalDataSource service;

    @Test
    void theServiceConnectsAsItsOwnRole() throws SQLException {
        try (Connection connection = service.getConnection(); Statement statement = connection.createStatement()) {
            assertEquals(EmbeddedPostgresResource.SERVICE_ROLE, single(statement, "select current_user"));
        }
    }

    @Test
    void theServiceRoleCanReadAndAppendButNotRewriteOrEmpty() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, EmbeddedPostgresResource.SERVICE_ROLE,
                EmbeddedPostgresResource.SERVICE_ROLE); Statement statement = connection.createStatement()) {
            assertEquals(EmbeddedPostgresResource.SERVICE_ROLE, single(statement, "select current_user"));
            assertTrue(Integer.parseInt(single(statement, "select count(*) from observation_version")) > 0);
            for (String rewrite : List.of("truncate citation", "truncate observation_version cascade",
                    "delete from release", "update observation_version set value = 0",
                    "update document_version set title_en = 'x'", "drop table citation",
                    "create table intruder (id int)", "alter table release disable trigger release_append_only",
                    "insert into flyway_schema_history (installed_rank) values (999)")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(rewrite), rewrite);
                assertTrue(refused.getMessage().contains("permission denied") || refused.getMessage().contains("must be owner"),
                        rewrite + ": " + refused.getMessage());
            }
        }
    }

    @Test
    void theHistoryTablesRefuseTruncateAndRewritesEvenFromTheirOwner() throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (String rewrite : List.of("truncate citation cascade", "truncate release cascade",
                    "update release set description = 'x'", "delete from citation",
                    "update indicator_version set name_en = 'x'", "update observation_version set value = 0")) {
                SQLException refused = assertThrows(SQLException.class, () -> statement.execute(rewrite), rewrite);
                assertTrue(refused.getMessage().contains("published history is append-only"),
                        rewrite + ": " + refused.getMessage());
                connection.rollback();
            }
        }
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (var row = statement.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
