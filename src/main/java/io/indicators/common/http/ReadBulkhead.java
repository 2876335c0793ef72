package io.indicators.common.http;

import io.indicators.common.problem.ApiException;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds how many reads are computed at once. An uncached answer is built as views, then as bytes, and the largest
 * are a few megabytes at their peak; the connection pool bounds only the query, not what follows it. So the memory
 * reads can take is permits x the largest answer, whatever the number of clients, and the native executable keeps
 * to its small heap under any load. Answers served from the cache never take a permit. A read that waits longer
 * than the timeout is a 503 with Retry-After rather than a queue that grows without end.
 */
@ApplicationScoped
public class ReadBulkhead {

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

    /** After the cache filter (a hit never gets here), on the worker thread that will compute the answer. */
    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response takeTurn(ContainerRequestContext request) throws InterruptedException {
        if (!HttpMethod.GET.equals(request.getMethod()) && !HttpMethod.HEAD.equals(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/v1/")) {
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
        // Released when the response has been written, or the connection closed, whatever happened in between.
        currentRequest.getCurrent().addEndHandler(ended -> permits.release());
        return null;
    }
}
