package io.indicators.common.http;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.indicators.common.problem.ApiException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Bounds how many reads are computed at once. An uncached answer is built as views, then as bytes, and the largest
 * are a few megabytes at their peak; the connection pool bounds only the query, not what follows it. So the memory
 * reads can take is permits x the largest answer, whatever the number of clients, and the native executable keeps
 * to its small heap under any load. Answers served from the cache never take a permit. A read that waits longer
 * than the timeout is a 503 with Retry-After rather than a queue that grows without end.
 */
@ApplicationScoped
public class ReadBulkhead {

    private static final String PERMIT = ReadBulkhead.class.getName() + ".permit";

    private final Semaphore permits;
    private final Duration wait;
    private final CurrentVertxRequest currentRequest;
    private final HttpCaching caching;

    ReadBulkhead(@ConfigProperty(name = "indicators.reads.concurrent", defaultValue = "3") int concurrent,
            @ConfigProperty(name = "indicators.reads.wait", defaultValue = "10s") Duration wait,
            CurrentVertxRequest currentRequest, HttpCaching caching) {
        this.permits = new Semaphore(concurrent, true);
        this.wait = wait;
        this.currentRequest = currentRequest;
        this.caching = caching;
    }

    /** A hit never gets here (HttpCaching answers it ahead of REST): on the worker thread that will compute the answer. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response takeTurn(ContainerRequestContext request, ResourceInfo resource) throws InterruptedException {
        if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/v1/") || isStream(resource)) {
            return null;
        }
        if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
            throw ApiException.busy("Too many reads are being answered; retry in a second");
        }
        // Many clients asking the same question after a release all miss the cache at once; those that waited
        // behind the first to compute it get its answer instead of computing it again.
        var answered = caching.cachedAnswer(request);
        if (answered.isPresent()) {
            permits.release();
            return answered.get();
        }
        Permit permit = new Permit();
        request.setProperty(PERMIT, permit);
        // Given back once the answer is serialised (below), or when the exchange ends, whichever comes first: a client
        // that hangs up may end it before the answer is built, and then the response filters need not run at all.
        // A connection closed while this request waited for its turn has ended already: its end handlers have run.
        var exchange = currentRequest.getCurrent();
        exchange.addEndHandler(ended -> permit.giveBack());
        if (exchange.response().closed() || exchange.response().ended()) {
            permit.giveBack();
        }
        return null;
    }

    /** A stream stays open for as long as its client listens; it holds no answer in memory, so it takes no turn. */
    private static boolean isStream(ResourceInfo resource) {
        Produces produces = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(Produces.class);
        return produces != null && Arrays.asList(produces.value()).contains(MediaType.SERVER_SENT_EVENTS);
    }

    /** Runs after the caching filter has serialised the answer: response filters run from high priority to low. */
    @ServerResponseFilter(priority = Priorities.USER - 100)
    public void endTurn(ContainerRequestContext request) {
        if (request.getProperty(PERMIT) instanceof Permit permit) {
            permit.giveBack();
        }
    }

    /** A permit given back exactly once, whichever of the filter and the end handler comes first. */
    private final class Permit {
        private final AtomicBoolean returned = new AtomicBoolean();

        void giveBack() {
            if (returned.compareAndSet(false, true)) {
                permits.release();
            }
        }
    }
}
