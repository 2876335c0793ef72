package io.indicators.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

import org.junit.jupiter.api.Test;

import io.indicators.EmbeddedPostgresResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 12: a service that starts while its database is down waits for it (Flyway's connection retries) instead of
 * exiting, then migrates, loads the seeds and serves. The database here is unreachable for the first
 * {@link EmbeddedPostgresResource#DOWN_AT_START_FOR} of the start.
 */
@QuarkusTest
@TestProfile(StartWithTheDatabaseDownTest.DownAtStartBehindAProxy.class)
class StartWithTheDatabaseDownTest {

    /** Reaches its database through a proxy that is cut as the service starts (EmbeddedPostgresResource). */
    public static class DownAtStartBehindAProxy implements QuarkusTestProfile {
    }

    @Test
    void theServiceWaitedForItsDatabaseAndServes() {
        given().queryParam("geo", "KR").get("/v1/indicators/ai-workforce-shortfall/observations")
                .then().statusCode(200).body("observations.value", contains(1609, 8579));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
