package io.indicators.explorer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.indicators.IsolatedCatalogue;
import io.indicators.Publishing;
import io.indicators.Quotes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Issue 18: the explorer page, in a real browser. The page's own suite (src/test/browser, Playwright driving Debian's
 * Chromium, axe-core) runs against this service: the JVM here, the native executable in {@link ExplorerBrowserIT}.
 * A machine without Node.js, Chromium or the suite's npm packages skips it, unless INDICATORS_BROWSER_TESTS=required
 * (CI), where that is a failure.
 */
@QuarkusTest
@TestProfile(IsolatedCatalogue.class)
public class ExplorerBrowserTest {

    private static final Path SUITE = Path.of("src/test/browser");
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
    private static final String REVISED = "ai-workforce-total";
    /** A period no other test publishes, whatever shares this catalogue. */
    private static final String PERIOD = "2039";

    private static void assumeTheBrowserSuiteCanRun() {
        boolean required = "required".equals(System.getenv("INDICATORS_BROWSER_TESTS"));
        List<String> missing = new ArrayList<>();
        if (!onPath("node")) {
            missing.add("Node.js (node on the PATH)");
        }
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            missing.add("Chromium at " + CHROMIUM);
        }
        if (!Files.isDirectory(SUITE.resolve("node_modules/playwright-core"))) {
            missing.add("the suite's packages (npm ci in " + SUITE + ")");
        }
        if (required) {
            assertEquals(List.of(), missing, "the browser suite is required here");
        }
        assumeTrue(missing.isEmpty(), "the browser suite needs " + String.join(", ", missing));
    }

    @Test
    void theExplorerWorksInChromium() throws Exception {
        assumeTheBrowserSuiteCanRun();
        String firstReleasedAt = publishARevision();
        Path output = Path.of("target/browser", mode());
        Files.createDirectories(output);
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "explorer.test.mjs")
                .directory(SUITE.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.resolve("explorer.test.txt").toFile());
        Map<String, String> environment = node.environment();
        environment.put("EXPLORER_URL", "http://localhost:" + RestAssured.port);
        environment.put("SCREENSHOTS", output.toAbsolutePath().toString());
        environment.put("CHROMIUM", CHROMIUM);
        environment.put("REVISED_INDICATOR", REVISED);
        environment.put("REVISED_GEO", "KR");
        environment.put("REVISED_PERIOD", PERIOD);
        environment.put("FIRST_VALUE", "3");
        environment.put("REVISED_VALUE", "4");
        environment.put("FIRST_RELEASED_AT", firstReleasedAt);
        Process suite = node.start();
        boolean finished = suite.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            suite.destroyForcibly();
        }
        String report = Files.readString(output.resolve("explorer.test.txt"), StandardCharsets.UTF_8);
        assertTrue(finished, "the browser suite did not finish in 5 minutes:\n" + report);
        assertEquals(0, suite.exitValue(), "the browser suite failed:\n" + report);
    }

    /** Where the screenshots go: the JVM's here, the native executable's from the IT. */
    String mode() {
        return "jvm";
    }

    /**
     * A value published, then revised in a later release, so the vintage control has something to show: the
     * returned instant is when the first version was the latest.
     */
    private static String publishARevision() {
        publish("test-explorer-first", 3, given().get("/v1/releases").then().statusCode(200).extract().path("items[0].id"));
        publish("test-explorer-revision", 4, "test-explorer-first");
        given().get("/v1/indicators/" + REVISED + "/observations/" + PERIOD + "/history?geo=KR").then().statusCode(200)
                .body("versions.value", contains(3, 4));
        List<Map<String, String>> vintages = given().get("/v1/indicators/" + REVISED + "/vintages").then()
                .statusCode(200).body("vintages.release", hasItems("test-explorer-first",
                        "test-explorer-revision"))
                .extract().path("vintages");
        return vintages.stream().filter(vintage -> vintage.get("release").equals("test-explorer-first"))
                .map(vintage -> vintage.get("releasedAt")).findFirst().orElseThrow();
    }

    private static void publish(String id, int value, String basedOn) {
        Map<String, Object> release = new HashMap<>(Map.of(
                "release", Map.of("id", id, "description", "A test release for the explorer's vintage control"),
                "basedOn", basedOn,
                "observations", List.of(Map.of("indicator", REVISED, "geo", "KR", "period", PERIOD,
                        "periodBasis", Quotes.stated(), "value", value, "status", "observed",
                        "citations", Quotes.cites(Quotes.threeCountries())))));
        Publishing.asPublisher().body(release).post("/v1/releases").then().statusCode(201);
    }

    @Test
    void thePageIsServedWithItsOwnAssetsOnly() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(containsString("/explorer/explorer.js"));
        given().get("/explorer/explorer.js").then().statusCode(200).contentType(containsString("javascript"));
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
