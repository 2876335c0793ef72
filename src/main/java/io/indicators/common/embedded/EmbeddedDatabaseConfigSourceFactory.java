package io.indicators.common.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.ImageMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Points the datasource at an embedded PostgreSQL in dev mode when none is configured, which is what makes
 * {@code ./mvnw quarkus:dev} work on a machine without Docker or a database. Production never gets here: the
 * dev profile is required, and any configured {@code quarkus.datasource.jdbc.url} wins.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    /** Kept across runs, gone with {@code ./mvnw clean}; indicators.embedded-database.data-directory moves it. */
    static final String DEFAULT_DATA_DIRECTORY = "target/dev-database";

    // Below application.properties (250) so an explicit datasource always takes precedence.
    private static final int ORDINAL = 200;

    /**
     * The native executable is never dev mode. The class is initialised while the image is built (see the Native
     * section of application.properties), so this is a constant there and the embedded PostgreSQL with its archive
     * libraries is left out of the executable.
     */
    private static final boolean NATIVE_IMAGE = ImageMode.current() != ImageMode.JVM;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (NATIVE_IMAGE || !context.getProfiles().contains("dev") || isSet(context, "quarkus.datasource.jdbc.url")
                || "false".equals(value(context, "indicators.embedded-database.enabled"))) {
            return List.of();
        }
        String dataDirectory = value(context, "indicators.embedded-database.data-directory");
        return List.of(new MapBackedConfigSource("embedded-postgresql", Map.of(
                "quarkus.datasource.jdbc.url", EmbeddedDatabase.persistentJdbcUrl(
                        Path.of(dataDirectory == null ? DEFAULT_DATA_DIRECTORY : dataDirectory)),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres"), ORDINAL) {
        });
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        return value(context, name) != null;
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
