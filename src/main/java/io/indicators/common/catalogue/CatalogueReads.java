package io.indicators.common.catalogue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.indicators.common.catalogue.CatalogueHead.Head;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;

/**
 * Where the catalogue is read: on a read replica when one is configured ({@code quarkus.datasource.replica.*}, for
 * example CloudNativePG's {@code -ro} service) and it has replayed the newest release this pod knows, otherwise on
 * the primary. Every answer is computed as of a release no newer than that head (CatalogueHead), so a replica that
 * holds it gives the very answer the primary would; one that lags is passed over for that read, and one that cannot
 * be reached is left alone for a few seconds. Publishing, and the reads inside a publish, always use the primary.
 */
@ApplicationScoped
public class CatalogueReads {

    private static final Logger LOG = Logger.getLogger(CatalogueReads.class);
    /** How long an unreachable replica is passed over before it is tried again. */
    private static final Duration REST = Duration.ofSeconds(5);

    private final AgroalDataSource primary;
    private final Optional<AgroalDataSource> replica;
    private final CatalogueHead head;
    private final Counter onReplica;
    private final Counter replicaBehind;
    private final Counter replicaUnavailable;
    private final AtomicLong unavailableUntil = new AtomicLong();

    CatalogueReads(AgroalDataSource primary, @DataSource("replica") InjectableInstance<AgroalDataSource> replica,
            CatalogueHead head, MeterRegistry metrics) {
        this.primary = primary;
        this.replica = replica.listActive().stream().findFirst();
        this.head = head;
        this.onReplica = metrics.counter("indicators.reads", "database", "replica", "reason", "replayed");
        this.replicaBehind = metrics.counter("indicators.reads", "database", "primary", "reason", "replica-behind");
        this.replicaUnavailable = metrics.counter("indicators.reads", "database", "primary", "reason", "replica-unavailable");
        if (this.replica.isPresent()) {
            LOG.info("Reads go to the read replica when it has replayed the newest release, to the primary otherwise");
        }
    }

    /** A connection on which to read the catalogue as of the newest release this pod knows, or any earlier instant. */
    public Connection connection() throws SQLException {
        Optional<Head> known = head.watched();
        if (replica.isEmpty() || known.isEmpty() || System.nanoTime() < unavailableUntil.get()) {
            return primary.getConnection();
        }
        Connection connection = null;
        try {
            connection = replica.get().getConnection();
            if (replayed(connection, known.get().seq())) {
                onReplica.increment();
                return connection;
            }
            replicaBehind.increment();
        } catch (SQLException e) {
            replicaUnavailable.increment();
            unavailableUntil.set(System.nanoTime() + REST.toNanos());
            LOG.warnf("The read replica cannot be reached (%s); reading from the primary for %d s", e.getMessage(),
                    REST.toSeconds());
        }
        close(connection);
        return primary.getConnection();
    }

    /** Whether the database behind a connection holds the release with this sequence number (and so every earlier one). */
    private static boolean replayed(Connection connection, long seq) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select exists (select from release where seq >= ?)")) {
            statement.setLong(1, seq);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // It goes back to the pool or is discarded; either way the read continues on the primary.
            }
        }
    }
}
