package io.indicators.common.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * More uncached reads than read permits: the reads beyond the permits wait for their turn without a thread, so the
 * worker threads stay free for everything else (health probes, publishing), and every read is answered once the
 * reads ahead of it are. JVM only: it looks at the service's threads, which a test of the native executable cannot.
 */
@QuarkusTest
class ReadTurnsTest {

    private static final int READS = 24;
    private static final int PERMITS = 3;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void readsWaitingForTheirTurnHoldNoThread() throws Exception {
        int known = given().queryParam("geo", "KR").get("/v1/indicators/ai-workforce-shortfall/observations")
                .then().statusCode(200).extract().path("observations.size()");
        ExecutorService clients = Executors.newFixedThreadPool(READS);
        List<Future<Integer>> answered = new ArrayList<>();
        try (Connection owner = DriverManager.getConnection(url, "postgres", "postgres");
                Statement statement = owner.createStatement()) {
            // The values are locked, so the reads that hold the permits cannot finish, and the others wait.
            owner.setAutoCommit(false);
            statement.execute("lock table observation_version in access exclusive mode");
            for (int i = 1; i <= READS; i++) {
                int last = i;
                // A different question each, so none is answered from memory.
                answered.add(clients.submit(() -> given().queryParam("geo", "KR").queryParam("lastNObservations", last)
                        .get("/v1/indicators/ai-workforce-shortfall/observations")
                        .then().statusCode(200).extract().path("observations.size()")));
            }
            awaitBlockedQueries(statement, PERMITS);

            String[] busyWorkers = workersRunningTheService();
            assertEquals(PERMITS, busyWorkers.length,
                    "only the reads holding a permit have a worker thread: " + Arrays.toString(busyWorkers));
            given().get("/q/health/live").then().statusCode(200);
            owner.rollback();
        } finally {
            clients.shutdown();
        }
        for (int i = 0; i < READS; i++) {
            assertEquals(Math.min(i + 1, known), answered.get(i).get(30, TimeUnit.SECONDS),
                    "the values the read with lastNObservations=" + (i + 1) + " asked for");
        }
    }

    private static void awaitBlockedQueries(Statement statement, int expected) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            try (ResultSet blocked = statement.executeQuery("select count(*) from pg_locks where not granted")) {
                blocked.next();
                if (blocked.getInt(1) >= expected) {
                    // The rest have had time to ask for a thread, had they needed one.
                    Thread.sleep(500);
                    return;
                }
            }
            assertTrue(Instant.now().isBefore(deadline), "the reads never reached the database");
            Thread.sleep(50);
        }
    }

    /** Quarkus' worker threads running this service's code (the idle ones wait for work in the pool), with stacks. */
    private static String[] workersRunningTheService() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().startsWith("executor-thread-"))
                .filter(thread -> Arrays.stream(thread.getValue())
                        .anyMatch(frame -> frame.getClassName().startsWith("io.indicators.")))
                .map(thread -> thread.getKey().getName() + " " + Arrays.toString(thread.getValue()))
                .toArray(String[]::new);
    }
}
