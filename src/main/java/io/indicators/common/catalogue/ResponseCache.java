package io.indicators.common.catalogue;

import java.nio.ByteBuffer;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.netty.buffer.Unpooled;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.buffer.Buffer;

/**
 * Serialised answers of the latest catalogue, so an unchanged catalogue is served without a query. An answer is a
 * function of the head it was computed at and the request, so entries are keyed by both and all dropped when the
 * head moves (or its watch is lost). Bounded by the bytes it holds, not by a count: one answer can be a few bytes or
 * a megabyte, and the native executable runs in a small heap.
 */
@ApplicationScoped
// Caffeine picks its cache and node classes by name from the features asked for (strong keys and values, maximum
// weight); the native image must be told which.
@RegisterForReflection(classNames = { "com.github.benmanes.caffeine.cache.SSMW", "com.github.benmanes.caffeine.cache.PSMW" })
public class ResponseCache {

    /**
     * What a read is answered with: the exact bytes (one buffer written to every client: Vert.x writes a slice of
     * it), the headers derived from them and from the catalogue, and the operation's path template for metrics.
     */
    public record Answer(Buffer body, String mediaType, String entityTag, String cacheControl, String lastModified,
            String contentLanguage, String pathTemplate) {
    }

    /**
     * A request as far as its answer depends on it: the head it was answered at, its path and query, Accept and
     * Accept-Language.
     */
    public record Key(long headSeq, String target, String accept, String acceptLanguage) {

        // Written out because the native executable runs a record's generated equals and hashCode through
        // interpreted method handles: they were a third of a cached read's CPU there (src/bench/profile-reads.md).
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && headSeq == key.headSeq && target.equals(key.target)
                    && Objects.equals(accept, key.accept) && Objects.equals(acceptLanguage, key.acceptLanguage);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * Long.hashCode(headSeq) + target.hashCode()) + Objects.hashCode(accept))
                    + Objects.hashCode(acceptLanguage);
        }
    }

    private final boolean enabled;
    private final Cache<Key, Answer> answers;
    private final long maxAnswerBytes;

    ResponseCache(CatalogueHead head,
            @ConfigProperty(name = "indicators.response-cache.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "indicators.response-cache.max-bytes", defaultValue = "8388608") long maxBytes,
            @ConfigProperty(name = "indicators.response-cache.max-answer-bytes", defaultValue = "3145728") long maxAnswerBytes) {
        this.enabled = enabled;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Key key, Answer answer) -> answer.body().length() + key.target().length() * 2 + 256)
                .build();
        this.maxAnswerBytes = maxAnswerBytes;
        head.onChange(newHead -> answers.invalidateAll());
    }

    public boolean enabled() {
        return enabled;
    }

    /** The answer kept for this key, or null. */
    public Answer answer(Key key) {
        return answers.getIfPresent(key);
    }

    /**
     * Keeps an answer, its bytes off the heap: in memory the garbage collector frees once neither the cache nor a
     * write holds them. Netty writes a direct buffer to the socket as it is and copies a heap one for every write: 64
     * clients reading one cached 1.1 MiB answer held 64 copies (native peak RSS 164 MiB at 1M value versions,
     * src/bench/scale-results-route.md).
     */
    public void put(Key key, byte[] body, String mediaType, String entityTag, String cacheControl, String lastModified,
            String contentLanguage, String pathTemplate) {
        // An answer this large is not worth the room it would take from many small ones.
        if (body.length <= maxAnswerBytes) {
            Buffer offHeap = Buffer.buffer(Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(body.length).put(body).flip()));
            answers.put(key, new Answer(offHeap, mediaType, entityTag, cacheControl, lastModified, contentLanguage,
                    pathTemplate));
        }
    }
}
