package io.indicators.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.indicators.DatabaseProxy;
import io.indicators.EmbeddedStandby;
import io.indicators.Publishing;
import io.indicators.Quotes;
import io.indicators.ReadsOnAReplica;
import io.indicators.common.embedded.EmbeddedDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Issue 14: the service survives a failover. Writes go to the primary through an address that moves (a proxy here,
 * CloudNativePG's {@code -rw} Service in a cluster), reads to a streaming replica. The replica is promoted and the
 * address moved to it, as CloudNativePG does when the primary is lost: the service answers 503 with Retry-After while
 * its connections to the old primary fail, never a 500 and never an answer older than one it already gave, and then
 * publishes to and reads from the new primary.
 */
@QuarkusTest
@TestProfile(FailoverTest.PrimaryBehindAProxy.class)
class FailoverTest {

    private static final String SHORTFALL = "/v1/indicators/ai-workforce-shortfall/observations";
    private static final Duration RECOVERY = Duration.ofSeconds(30);
    private static final Pattern ADDRESS = Pattern.compile("//([^:/]+):(\\d+)/");
    private static volatile EmbeddedStandby standby;

    /** The primary through the suite's proxy (EmbeddedPostgresResource), a standby of its own as the replica. */
    public static class PrimaryBehindAProxy extends ReadsOnAReplica {
        @Override
        protected Class<? extends QuarkusTestResourceLifecycleManager> replica() {
            return Replica.class;
        }
    }

    public static class Replica implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            standby = EmbeddedStandby.dedicated("failover_standby");
            return standby.replicaDatasourceFor(PrimaryBehindAProxy.class);
        }

        @Override
        public void stop() {
        }
    }

    @Inject
    MeterRegistry metrics;

    @Test
    void promotingTheReplicaLosesNoWriteAndServesNoOlderAnswer() throws Exception {
        awaitAReadOnTheReplica();
        int before = shortfall2023();
        assertEquals(201, publish(before + 1).statusCode());
        // The replica has the release before it is promoted, as a synchronous replica (the CloudNativePG overlay's
        // minSyncReplicas) guarantees at commit: with asynchronous replication a failover can lose the last commits.
        awaitAReadOnTheReplica();

        DatabaseProxy primary = DatabaseProxy.instance();
        Matcher suite = ADDRESS.matcher(EmbeddedDatabase.jdbcUrl());
        assertTrue(suite.find());
        primary.cut();
        try {
            standby.promote();
            primary.retarget("127.0.0.1", standby.port());
            primary.restore();

            // The release published before the failover had reached the replica, now the primary: it is still there.
            assertEquals(before + 1, readUntilAnswered());
            Instant deadline = Instant.now().plus(RECOVERY);
            int status;
            do {
                status = publish(before + 2).statusCode();
                assertTrue(status == 201 || status == 503, "a publish during the failover is a 201 or a 503, got " + status);
            } while (status != 201 && Instant.now().isBefore(deadline) && pause());
            assertEquals(201, status, "the new primary takes a publish within " + RECOVERY);
            assertEquals(before + 2, readUntilAnswered());
        } finally {
            // The suite's other classes behind the proxy expect the suite's PostgreSQL there.
            primary.cut();
            primary.retarget(suite.group(1), Integer.parseInt(suite.group(2)));
            primary.restore();
        }
    }

    /** The 2023 shortfall, retrying through the failover's 503s; any other status fails the test. */
    private static int readUntilAnswered() {
        Instant deadline = Instant.now().plus(RECOVERY);
        while (Instant.now().isBefore(deadline)) {
            Response read = given().queryParam("geo", "KR").get(SHORTFALL);
            if (read.statusCode() == 200) {
                return read.path("observations.find { it.period == '2023' }.value");
            }
            assertEquals(503, read.statusCode(), "a read during the failover is a 200 or a 503: " + read.asString());
            pause();
        }
        return fail("no read answered within " + RECOVERY);
    }

    private static int shortfall2023() {
        return given().queryParam("geo", "KR").get(SHORTFALL).then().statusCode(200)
                .extract().path("observations.find { it.period == '2023' }.value");
    }

    private void awaitAReadOnTheReplica() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            double onReplica = metrics.counter("indicators.reads", "database", "replica", "reason", "replayed").count();
            shortfall2023();
            if (metrics.counter("indicators.reads", "database", "replica", "reason", "replayed").count() > onReplica) {
                return;
            }
            Thread.sleep(200);
        }
        fail("no read was answered on the replica within 20 s");
    }

    private static Response publish(int value) {
        Response head = given().get("/v1/releases");
        if (head.statusCode() != 200) {
            return head;
        }
        return Publishing.asPublisher()
                .body(Map.of("release", Map.of("id", "test-failover-" + value, "description", "Revises the 2023 shortfall"),
                        "basedOn", head.path("items[0].id"),
                        "observations", List.of(Map.of("indicator", "ai-workforce-shortfall", "geo", "KR",
                                "period", "2023", "periodBasis", Quotes.stated(), "value", value, "status", "observed",
                                "reason", "Test", "citations", Quotes.cites(Quotes.shortfall2023())))))
                .post("/v1/releases");
    }

    private static boolean pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
