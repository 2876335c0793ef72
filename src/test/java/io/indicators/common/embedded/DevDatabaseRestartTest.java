package io.indicators.common.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: dev mode's embedded PostgreSQL keeps its data across restarts. Each "run" is a JVM of its own, as each
 * {@code ./mvnw quarkus:dev} is: the first writes, exits (stopping the server), and the second finds the row.
 */
class DevDatabaseRestartTest {

    /** Marks the run's answer among whatever the server logs to the same output. */
    private static final String RESULT = "result: ";

    @Test
    void whatOneRunWroteIsThereInTheNext(@TempDir Path dataDirectory) throws Exception {
        assertEquals("written", run(dataDirectory, "write"));
        assertEquals("published before the restart", run(dataDirectory, "read"));
    }

    private static String run(Path dataDirectory, String action) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                DevSession.class.getName(), dataDirectory.toString(), action))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the run ended");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.exitValue(), output);
        return output.lines().filter(line -> line.startsWith(RESULT)).map(line -> line.substring(RESULT.length()))
                .findFirst().orElse(output);
    }

    /** One dev-mode run, as far as the database is concerned. */
    public static final class DevSession {
        public static void main(String[] args) throws SQLException {
            String url = EmbeddedDatabase.persistentJdbcUrl(Path.of(args[0]));
            try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
                    Statement statement = connection.createStatement()) {
                if (args[1].equals("write")) {
                    statement.execute("create table kept (note text)");
                    statement.execute("insert into kept values ('published before the restart')");
                    System.out.println(RESULT + "written");
                } else {
                    try (ResultSet row = statement.executeQuery("select note from kept")) {
                        System.out.println(RESULT + (row.next() ? row.getString(1) : "nothing"));
                    }
                }
            }
            // Exits through the shutdown hook that stops the server, as dev mode does.
            System.exit(0);
        }
    }
}
