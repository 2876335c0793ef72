package io.indicators.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.indicators.DatabaseProxy;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 12: with its database gone, the service answers every request with an honest 503 problem and Retry-After,
 * readiness goes down, and it recovers by itself when the database is back, without a restart.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.BehindAProxy.class)
class DatabaseOutageTest {

    /** The service reaches its database through a proxy this test cuts (EmbeddedPostgresResource). */
    public static class BehindAProxy implements QuarkusTestProfile {
    }

    private static final String SHORTFALL = "/v1/indicators/ai-workforce-shortfall/observations";

    @Test
    void anOutageIsA503ThatHealsByItself() throws Exception {
        given().queryParam("geo", "KR").get(SHORTFALL).then().statusCode(200);
        DatabaseProxy proxy = DatabaseProxy.instance();
        proxy.cut();
        try {
            // Each request asks a different question, so none is answered from memory.
            for (int i = 0; i < 3; i++) {
                given().queryParam("geo", "KR").queryParam("lastNObservations", i + 1).get(SHORTFALL)
                        .then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", notNullValue())
                        .body("type", equalTo("urn:indicator-api:problem:database-unavailable"));
            }
            given().get("/v1/sources").then().statusCode(503);
            given().get("/q/health/ready").then().statusCode(503);
        } finally {
            proxy.restore();
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        int status;
        do {
            Thread.sleep(200);
            status = given().queryParam("geo", "KR").queryParam("lastNObservations", 1).get(SHORTFALL).statusCode();
        } while (status != 200 && Instant.now().isBefore(deadline));
        assertEquals(200, status, "the service recovers when the database is back");
        given().get("/q/health/ready").then().statusCode(200);
    }
}
