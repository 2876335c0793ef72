package io.indicators.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.indicators.EmbeddedStandby;
import io.indicators.Publishing;
import io.indicators.Quotes;
import io.indicators.ReadsOnAReplica;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Reads scale out on PostgreSQL replication: with a read replica configured (here a hot standby streaming from the
 * suite's PostgreSQL, as a CloudNativePG replica streams from its primary), reads go to it while it holds the newest
 * release the pod knows, and to the primary while it lags, so a client never reads an older catalogue than the one
 * it was just told about.
 */
@QuarkusTest
@TestProfile(ReadReplicaTest.WithAReplica.class)
class ReadReplicaTest {

    private static final String SHORTFALL = "/v1/indicators/ai-workforce-shortfall/observations";

    public static class WithAReplica extends ReadsOnAReplica {
        @Override
        protected Class<? extends QuarkusTestResourceLifecycleManager> replica() {
            return Replica.class;
        }
    }

    /** Points the replica datasource at the suite's standby's copy of this profile's database. */
    public static class Replica implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return EmbeddedStandby.suiteReplicaDatasourceFor(WithAReplica.class);
        }

        @Override
        public void stop() {
        }
    }

    @Inject
    MeterRegistry metrics;

    @Test
    void readsGoToAReplicaThatHoldsTheNewestReleaseAndToThePrimaryWhileItLags() throws InterruptedException {
        awaitReadOnReplica();

        EmbeddedStandby.execute("select pg_wal_replay_pause()");
        try {
            int before = given().queryParam("geo", "KR").get(SHORTFALL).then().statusCode(200)
                    .extract().path("observations.find { it.period == '2023' }.value");
            double behind = count("primary", "replica-behind");
            publish(before + 1);
            // The replica has not replayed the release: the read goes to the primary and sees it.
            given().queryParam("geo", "KR").get(SHORTFALL).then().statusCode(200)
                    .body("observations.find { it.period == '2023' }.value", equalTo(before + 1));
            assertEquals(behind + 1, count("primary", "replica-behind"), "the lagging replica was passed over");
        } finally {
            EmbeddedStandby.execute("select pg_wal_replay_resume()");
        }

        // Once it has replayed the release, the replica serves the same answer.
        awaitReadOnReplica();
    }

    /** Reads until one is answered on the replica (replay takes a moment), and checks it gives the primary's answer. */
    private void awaitReadOnReplica() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String primaryAnswer = null;
        while (Instant.now().isBefore(deadline)) {
            double onReplica = count("replica", "replayed");
            String answer = given().queryParam("geo", "KR").get(SHORTFALL).then().statusCode(200).extract().asString();
            if (count("replica", "replayed") > onReplica) {
                if (primaryAnswer != null) {
                    assertEquals(primaryAnswer, answer, "the replica answers as the primary did");
                }
                return;
            }
            primaryAnswer = answer;
            Thread.sleep(200);
        }
        fail("no read was answered on the replica within 20 s");
    }

    private double count(String database, String reason) {
        return metrics.counter("indicators.reads", "database", database, "reason", reason).count();
    }

    private static void publish(int value) {
        String head = given().get("/v1/releases").then().statusCode(200).extract().path("items[0].id");
        Map<String, Object> body = new HashMap<>(Map.of(
                "release", Map.of("id", "test-replica-" + value, "description", "Revises the 2023 shortfall"),
                "basedOn", head,
                "observations", List.of(Map.of("indicator", "ai-workforce-shortfall", "geo", "KR", "period", "2023",
                        "periodBasis", Quotes.stated(), "value", value, "status", "observed", "reason", "Test",
                        "citations", Quotes.cites(Quotes.shortfall2023())))));
        Publishing.asPublisher().body(body).post("/v1/releases").then().statusCode(201);
    }
}
