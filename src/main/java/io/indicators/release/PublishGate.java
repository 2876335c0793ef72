package io.indicators.release;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.indicators.common.problem.ApiException;

/**
 * Lets one publish at a time into the database from this pod, and makes the others wait here, holding no pooled
 * connection: publishes are serialised by the catalogue's advisory lock anyway, and publishers queued inside
 * transactions used to take the connections reads need (issue 12). The queue is bounded; a publisher that cannot
 * get in within the wait is told to retry (503 with Retry-After), which an idempotent publish makes safe.
 */
@ApplicationScoped
class PublishGate {

    private final Semaphore turn = new Semaphore(1, true);
    private final AtomicInteger waiting = new AtomicInteger();
    private final int maxWaiting;
    private final Duration wait;

    PublishGate(@ConfigProperty(name = "indicators.publish.queue", defaultValue = "16") int maxWaiting,
            @ConfigProperty(name = "indicators.publish.wait", defaultValue = "60s") Duration wait) {
        this.maxWaiting = maxWaiting;
        this.wait = wait;
    }

    <T> T inTurn(Supplier<T> publish) {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw ApiException.busy(maxWaiting + " publishes are already waiting; retry in a moment");
        }
        boolean admitted;
        try {
            admitted = turn.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.busy("The publish was interrupted while waiting for its turn; retry");
        } finally {
            waiting.decrementAndGet();
        }
        if (!admitted) {
            throw ApiException.busy("Another publish has held the catalogue for over " + wait.toSeconds()
                    + " s; retry in a moment");
        }
        try {
            return publish.get();
        } finally {
            turn.release();
        }
    }
}
