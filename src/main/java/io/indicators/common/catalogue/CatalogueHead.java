package io.indicators.common.catalogue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The newest release, which every "latest" answer reflects. The catalogue changes only when a release commits, and
 * every publish notifies {@value #CHANNEL} in its transaction, so a pod that listens knows the head without asking
 * the database on each request, and answers computed for one head stay valid until the next notification. This is
 * what lets cached answers be served without a query, in every pod.
 *
 * <p>
 * The watch holds one connection of its own, outside the pool, for as long as the service runs. While it is down
 * (database restarting, network) {@link #watched()} is empty, so nothing is served from a cache that could have
 * missed a release, and {@link #current()} reads the head from the database instead.
 */
@ApplicationScoped
public class CatalogueHead {

    /** The channel a publish notifies; the payload is the new release's seq (informative only). */
    public static final String CHANNEL = "catalogue_release";

    private static final Logger LOG = Logger.getLogger(CatalogueHead.class);
    private static final String NEWEST = "select seq, id, released_at from release order by seq desc limit 1";
    /** Also how often the watch re-reads the head, in case a release landed by another path than a publish. */
    private static final Duration POLL = Duration.ofSeconds(10);
    private static final Duration RETRY = Duration.ofSeconds(2);

    /** A release as a point in the catalogue's history; {@link #EMPTY} before the first release. */
    public record Head(long seq, String releaseId, Instant releasedAt) {
        public static final Head EMPTY = new Head(0, null, null);
    }

    private final AgroalDataSource dataSource;
    private final String url;
    private final Optional<String> username;
    private final Optional<String> password;
    private final CopyOnWriteArrayList<Consumer<Head>> listeners = new CopyOnWriteArrayList<>();

    private volatile Head watched;
    private volatile boolean running;
    private volatile Connection watchConnection;
    private Thread watcher;

    CatalogueHead(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.dataSource = dataSource;
        this.url = url;
        this.username = username;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        watcher = Thread.ofPlatform().daemon().name("catalogue-head-watch").start(this::watch);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Connection connection = watchConnection;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // shutting down
            }
        }
        watcher.interrupt();
    }

    /** Called with the new head whenever it changes, and with null when the watch is lost. */
    public void onChange(Consumer<Head> listener) {
        listeners.add(listener);
    }

    /** The head as the watch last saw it; empty while the watch is not connected. */
    public Optional<Head> watched() {
        return Optional.ofNullable(watched);
    }

    /** The head now: from the watch when it is live, otherwise read from the database. */
    public Head current() {
        Head known = watched;
        if (known != null) {
            return known;
        }
        try (Connection connection = dataSource.getConnection()) {
            return read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the newest release", e);
        }
    }

    /**
     * The instant an answer describes the catalogue at: {@code asOf} when the client names one, otherwise the newest
     * release's time, so a "latest" answer is a function of the head and can be cached until the head moves.
     */
    public Instant knownAt(Instant asOf) {
        if (asOf != null) {
            return asOf;
        }
        Instant releasedAt = current().releasedAt();
        return releasedAt == null ? Instant.EPOCH : releasedAt;
    }

    /** The release that was newest at an instant: what an answer about that instant reflects. */
    public Head at(Instant instant) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "select seq, id, released_at from release where released_at <= ? order by seq desc limit 1")) {
            statement.setObject(1, instant.atOffset(ZoneOffset.UTC));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? head(row) : Head.EMPTY;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the release current at " + instant, e);
        }
    }

    /**
     * Re-reads the head now. A publish calls this once its transaction has committed, so the publisher's next read
     * in this pod already sees its release rather than waiting for the notification.
     */
    public void refresh() {
        if (watched == null) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            update(read(connection));
        } catch (SQLException e) {
            LOG.warnf("Could not re-read the newest release after a publish: %s", e.getMessage());
        }
    }

    private void watch() {
        boolean reportedLoss = false;
        while (running) {
            try (Connection connection = connect()) {
                watchConnection = connection;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                // Read after LISTEN, so a release that commits in between is either seen here or notified.
                update(read(connection));
                if (reportedLoss) {
                    LOG.info("Watching the catalogue head again");
                    reportedLoss = false;
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    notifications.getNotifications((int) POLL.toMillis());
                    update(read(connection));
                }
            } catch (SQLException | RuntimeException e) {
                lose();
                if (running && !reportedLoss) {
                    LOG.warnf("Lost the watch on the catalogue head (%s); cached answers are bypassed until it is back",
                            e.getMessage());
                    reportedLoss = true;
                }
                pause();
            } finally {
                watchConnection = null;
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        username.ifPresent(u -> properties.setProperty(PGProperty.USER.getName(), u));
        password.ifPresent(p -> properties.setProperty(PGProperty.PASSWORD.getName(), p));
        properties.setProperty(PGProperty.APPLICATION_NAME.getName(), "indicator-api catalogue-head-watch");
        properties.setProperty(PGProperty.CONNECT_TIMEOUT.getName(), "5");
        // A dead server or network must end the wait for notifications, not leave the watch believing it is live.
        properties.setProperty(PGProperty.SOCKET_TIMEOUT.getName(), Long.toString(POLL.multipliedBy(3).toSeconds()));
        properties.setProperty(PGProperty.TCP_KEEP_ALIVE.getName(), "true");
        return DriverManager.getConnection(url, properties);
    }

    private static Head read(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(NEWEST); ResultSet row = statement.executeQuery()) {
            return row.next() ? head(row) : Head.EMPTY;
        }
    }

    private static Head head(ResultSet row) throws SQLException {
        return new Head(row.getLong(1), row.getString(2), row.getObject(3, OffsetDateTime.class).toInstant());
    }

    private synchronized void update(Head head) {
        Head previous = watched;
        if (previous == null || head.seq() > previous.seq()) {
            watched = head;
            listeners.forEach(listener -> listener.accept(head));
        }
    }

    private synchronized void lose() {
        if (watched != null) {
            watched = null;
            listeners.forEach(listener -> listener.accept(null));
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
