package io.indicators.observation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.indicators.common.api.Page;
import io.indicators.common.api.QueryParameters;
import io.indicators.common.catalogue.CatalogueHead;
import io.indicators.common.problem.ApiException;
import io.indicators.observation.ObservationViews.Change;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The change feed pushed as Server-Sent Events. Every pod learns of every release from the database's notification
 * (CatalogueHead), so every stream in every pod gets every change. Each stream keeps its own place in the feed (the
 * last version sent, which is also its event id) and reads on from there, a page at a time, whenever the head moves:
 * a stream that falls behind, or reconnects with {@code Last-Event-ID}, catches up from the polling feed's own query
 * and misses nothing.
 */
@ApplicationScoped
public class ChangeStreams {

    private static final Logger LOG = Logger.getLogger(ChangeStreams.class);
    private static final int PAGE = 100;

    private final ObservationService observations;
    private final CatalogueHead head;
    private final ObjectMapper json;
    private final int maxStreams;
    private final Duration heartbeat;
    private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
    /** Reads and sends off the I/O threads and the head's watch; one virtual thread per catch-up. */
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private ScheduledExecutorService heartbeats;

    ChangeStreams(ObservationService observations, CatalogueHead head, ObjectMapper json,
            @ConfigProperty(name = "indicators.changes.streams", defaultValue = "256") int maxStreams,
            @ConfigProperty(name = "indicators.changes.heartbeat", defaultValue = "15s") Duration heartbeat) {
        this.observations = observations;
        this.head = head;
        this.json = json;
        this.maxStreams = maxStreams;
        this.heartbeat = heartbeat;
    }

    void start(@Observes StartupEvent event) {
        head.onChange(newHead -> {
            if (newHead != null) {
                streams.forEach(this::catchUp);
            }
        });
        heartbeats = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("change-stream-heartbeat").factory());
        heartbeats.scheduleAtFixedRate(this::beat, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        streams.forEach(stream -> stream.sink.close());
        senders.shutdownNow();
    }

    /**
     * Opens a stream that starts after the change {@code lastEventId} when given (a reconnect), else after the
     * instant {@code updatedAfter}, else at the newest release: only what comes next.
     */
    public void open(SseEventSink sink, Sse sse, String lastEventId, Instant updatedAfter) {
        long afterId;
        try {
            afterId = lastEventId == null ? 0 : QueryParameters.versionPosition(lastEventId);
        } catch (ApiException e) {
            throw ApiException.badParameter("Last-Event-ID", "Last-Event-ID is not an event id this stream sent; "
                    + "reconnect without it, or with updatedAfter");
        }
        Instant after = lastEventId != null ? Instant.EPOCH
                : updatedAfter != null ? updatedAfter
                        : Objects.requireNonNullElse(head.current().releasedAt(), Instant.EPOCH);
        if (streams.size() >= maxStreams) {
            throw ApiException.busy("This server already streams to " + maxStreams + " clients; retry later, or poll "
                    + "/v1/changes");
        }
        Stream stream = new Stream(sink, sse, after, afterId);
        streams.add(stream);
        // A comment first, so the client sees the stream open before any release lands.
        sink.send(sse.newEventBuilder().comment("stream open").build());
        catchUp(stream);
    }

    private void catchUp(Stream stream) {
        stream.pending.set(true);
        if (stream.sending.compareAndSet(false, true)) {
            senders.execute(() -> send(stream));
        }
    }

    /** Sends what the stream has not had yet; runs once per stream at a time, and again if the head moved meanwhile. */
    private void send(Stream stream) {
        try {
            while (stream.pending.getAndSet(false)) {
                Page<Change> page;
                do {
                    if (stream.sink.isClosed()) {
                        streams.remove(stream);
                        return;
                    }
                    page = observations.feed(stream.updatedAfter, stream.afterId, PAGE, null);
                    for (Change change : page.items()) {
                        String id = QueryParameters.cursor(change.id());
                        stream.sink.send(stream.sse.newEventBuilder().id(id).name("change")
                                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(json.writeValueAsString(change))
                                .build()).toCompletableFuture().join();
                        stream.afterId = Long.parseLong(change.id());
                    }
                } while (page.next() != null);
            }
        } catch (RuntimeException | JsonProcessingException e) {
            // A client that went away, or a database that did: the client reconnects with Last-Event-ID.
            LOG.debugf(e, "Closing a change stream");
            streams.remove(stream);
            stream.sink.close();
        } finally {
            stream.sending.set(false);
        }
        if (stream.pending.get() && streams.contains(stream)) {
            catchUp(stream);
        }
    }

    private void beat() {
        for (Stream stream : streams) {
            if (stream.sink.isClosed()) {
                streams.remove(stream);
            } else {
                stream.sink.send(stream.sse.newEventBuilder().comment("").build());
            }
        }
    }

    private static final class Stream {
        final SseEventSink sink;
        final Sse sse;
        final Instant updatedAfter;
        volatile long afterId;
        final AtomicBoolean pending = new AtomicBoolean();
        final AtomicBoolean sending = new AtomicBoolean();

        Stream(SseEventSink sink, Sse sse, Instant updatedAfter, long afterId) {
            this.sink = sink;
            this.sse = sse;
            this.updatedAfter = updatedAfter;
            this.afterId = afterId;
        }
    }
}
