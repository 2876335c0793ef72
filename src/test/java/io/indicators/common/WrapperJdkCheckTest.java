package io.indicators.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: {@code ./mvnw} on an older JDK stops at once and names the JDK to install, before Maven resolves a byte.
 * The check is this project's addition to the generated wrapper; this test notices if a regenerated wrapper drops it.
 * The JDKs it refuses are stand-ins that only print their version, so no old JDK is needed here.
 */
@DisabledOnOs(OS.WINDOWS)
class WrapperJdkCheckTest {

    @Test
    void anOlderJdkIsRefusedWithTheJdkToInstall(@TempDir Path home) throws Exception {
        for (String version : new String[] { "17.0.15", "21.0.8", "1.8.0_392" }) {
            Result result = mvnw(javaReporting(home.resolve(version), version));
            assertEquals(1, result.exit(), result.output());
            assertTrue(result.output().contains("builds and runs with JDK 25"), result.output());
            assertTrue(result.output().contains("is Java " + version), result.output());
        }
    }

    @Test
    void theJdkThatRunsThisTestIsAccepted() throws Exception {
        Result result = mvnw(Path.of(System.getProperty("java.home")));
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("Apache Maven"), result.output());
    }

    private static Path javaReporting(Path home, String version) throws IOException {
        Path java = home.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho 'openjdk version \"" + version + "\" 2025-04-15' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    private record Result(int exit, String output) {
    }

    private static Result mvnw(Path javaHome) throws IOException, InterruptedException {
        ProcessBuilder wrapper = new ProcessBuilder("./mvnw", "--version").redirectErrorStream(true);
        wrapper.environment().put("JAVA_HOME", javaHome.toString());
        Process process = wrapper.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "mvnw ended");
        return new Result(process.exitValue(), output);
    }
}
