package io.indicators.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.indicators.EmbeddedPostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A serving pod as production runs it (deploy/kubernetes/base/deployment.yaml): no migrations and no seeds at start.
 * On a database the init task has not migrated yet it stays unready, with the schema check saying why, and it becomes
 * ready once the schema is there, without a restart.
 */
@QuarkusTest
@TestProfile(ServingPodTest.ServingPod.class)
class ServingPodTest {

    public static class ServingPod implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.migrate-at-start", "false",
                    "indicators.seeds.enabled", "false",
                    // The mapping check needs the schema; production skips it anyway (application.properties).
                    "quarkus.hibernate-orm.schema-management.strategy", "none");
        }
    }

    @Test
    void waitsForTheSchemaItWasBuiltFor() {
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'schema' }.status", equalTo("DOWN"));

        // What the init task does first: migrate as the schema owner.
        Flyway.configure().dataSource(EmbeddedPostgresResource.jdbcUrlOf(ServingPod.class), "postgres", "postgres")
                .placeholders(Map.of("service_role", EmbeddedPostgresResource.SERVICE_ROLE)).load().migrate();

        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("schema"))
                .body("checks.find { it.name == 'schema' }.status", equalTo("UP"));
        // Migrated, not seeded: the catalogue is there, and empty.
        given().get("/v1/releases").then().statusCode(200).body("items", empty());
    }
}
