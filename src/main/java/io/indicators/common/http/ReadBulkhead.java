package io.indicators.common.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.indicators.common.problem.ApiException;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds how many reads are computed at once. An uncached answer is built as views, then as bytes, and the largest
 * are a few megabytes at their peak; the connection pool bounds only the query, not what follows it. So the memory
 * reads can take is permits x the largest answer, whatever the number of clients, and the native executable keeps
 * to its small heap under any load. Answers served from the cache never take a permit. A read that waits longer
 * than the timeout is a 503 with Retry-After rather than a queue that grows without end.
 *
 * <p>
 * A read waits for its turn on the I/O thread, in a queue, before Quarkus REST hands it to a worker thread: waiting
 * costs no thread. When waiting reads held worker threads, 64 clients of uncached reads kept about a hundred threads
 * alive, and the native executable's collector scans every thread's stack at each collection; a smaller worker pool
 * would instead leave health probes waiting behind the reads for a thread.
 */
@ApplicationScoped
public class ReadBulkhead {

    private static final String PERMIT = ReadBulkhead.class.getName() + ".permit";
    private static final String WAITED_TOO_LONG = ReadBulkhead.class.getName() + ".waited-too-long";
    private static final String TIMER = ReadBulkhead.class.getName() + ".timer";

    private final Duration wait;
    private final HttpCaching caching;
    /** Guarded by this, as is {@link #waiting}. */
    private int available;
    private final ArrayDeque<RoutingContext> waiting = new ArrayDeque<>();

    ReadBulkhead(@ConfigProperty(name = "indicators.reads.concurrent", defaultValue = "3") int concurrent,
            @ConfigProperty(name = "indicators.reads.wait", defaultValue = "10s") Duration wait, HttpCaching caching) {
        this.available = concurrent;
        this.wait = wait;
        this.caching = caching;
    }

    /**
     * After authentication and authorization (a refused request takes no turn) and after the cache's route, even
     * where HTTP permissions move that one after authorization too; ahead of Quarkus REST.
     */
    void install(@Observes Router router) {
        router.route("/v1/*").method(HttpMethod.GET).method(HttpMethod.HEAD)
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 1).handler(this::takeTurn);
    }

    private void takeTurn(RoutingContext read) {
        boolean now;
        synchronized (this) {
            now = available > 0;
            if (now) {
                available--;
            } else {
                waiting.add(read);
                read.put(TIMER, read.vertx().setTimer(wait.toMillis(), timer -> giveUp(read)));
            }
        }
        if (now) {
            proceed(read, new Permit());
        }
    }

    /** On the read's own I/O thread, with a permit it now holds. */
    private void proceed(RoutingContext read, Permit permit) {
        // A client that hung up while waiting has ended the exchange already: its turn goes to the next read.
        if (read.response().closed() || read.response().ended()) {
            permit.giveBack();
            return;
        }
        read.addEndHandler(ended -> permit.giveBack());
        // Many clients asking the same question after a release all miss the cache at once; those that waited
        // behind the first to compute it get its answer instead of computing it again.
        if (caching.answerFromMemory(read)) {
            return;
        }
        read.put(PERMIT, permit);
        read.next();
    }

    /** Still waiting when the timeout fires: REST answers it with the busy problem (see {@link #refuseLateReads}). */
    private void giveUp(RoutingContext read) {
        boolean stillWaiting;
        synchronized (this) {
            stillWaiting = waiting.remove(read);
        }
        if (stillWaiting && !read.response().closed()) {
            read.put(WAITED_TOO_LONG, Boolean.TRUE);
            read.next();
        }
    }

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public void refuseLateReads(RoutingContext read, ResourceInfo resource) {
        if (read.get(WAITED_TOO_LONG) != null) {
            throw ApiException.busy("Too many reads are being answered; retry in a second");
        }
        // A stream stays open for as long as its client listens; it holds no answer in memory, so it keeps no turn.
        if (isStream(resource) && read.get(PERMIT) instanceof Permit permit) {
            permit.giveBack();
        }
    }

    private static boolean isStream(ResourceInfo resource) {
        Produces produces = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Produces.class);
        return produces != null && Arrays.asList(produces.value()).contains(MediaType.SERVER_SENT_EVENTS);
    }

    /**
     * Runs after the caching filter has serialised the answer (response filters run from high priority to low): the
     * turn ends there, not when the last byte is written.
     */
    @ServerResponseFilter(priority = Priorities.USER - 100)
    public void endTurn(RoutingContext read) {
        if (read.get(PERMIT) instanceof Permit permit) {
            permit.giveBack();
        }
    }

    /** A permit given back exactly once, whichever of the response filter and the end of the exchange comes first. */
    private final class Permit {
        private final AtomicBoolean returned = new AtomicBoolean();

        void giveBack() {
            if (!returned.compareAndSet(false, true)) {
                return;
            }
            RoutingContext next;
            synchronized (ReadBulkhead.this) {
                next = waiting.poll();
                if (next == null) {
                    available++;
                }
            }
            if (next != null) {
                // A timer would keep the exchange reachable until it fires; the timeout no longer applies.
                next.vertx().cancelTimer(next.<Long> get(TIMER));
                // Handed on, not released: the read that waited longest gets it, on its own I/O thread.
                ((HttpServerRequestInternal) next.request()).context().runOnContext(v -> proceed(next, new Permit()));
            }
        }
    }
}
