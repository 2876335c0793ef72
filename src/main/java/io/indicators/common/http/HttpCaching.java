package io.indicators.common.http;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.indicators.common.catalogue.CatalogueHead;
import io.indicators.common.catalogue.CatalogueHead.Head;
import io.indicators.common.catalogue.ResponseCache;
import io.indicators.common.catalogue.ResponseCache.Answer;
import io.indicators.common.catalogue.ResponseCache.Key;

/**
 * Conditional GETs, cache lifetimes and the in-memory answer cache for every successful read. The catalogue only
 * changes when a release lands, so a response about the past (an {@code asOf} instant, a release) never changes and
 * may be cached for good, a "latest" response is cached briefly by clients, and the service keeps the bytes of its
 * answers until the next release (see {@link ResponseCache}).
 */
@Singleton
public class HttpCaching {

    public static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String LATEST = "public, max-age=60";
    static final String VARY = "Accept, Accept-Encoding, Accept-Language";
    /**
     * A release's time is taken when it starts writing, so for a short while an instant just past can still gain
     * values; only answers about instants older than this are final.
     */
    private static final Duration SETTLED = Duration.ofMinutes(1);
    /** RFC 9110's IMF-fixdate (Java's RFC_1123_DATE_TIME writes single-digit days unpadded). */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'",
            Locale.US);
    private static final String CACHE_KEY = HttpCaching.class.getName() + ".key";
    private static final String FROM_CACHE = HttpCaching.class.getName() + ".hit";

    private final EntityTags tags;
    private final CatalogueHead head;
    private final ResponseCache cache;

    HttpCaching(EntityTags tags, CatalogueHead head, ResponseCache cache) {
        this.tags = tags;
        this.head = head;
        this.cache = cache;
    }

    /** Answers a read of the unchanged catalogue from memory, on the I/O thread, before any resource code or query runs. */
    @ServerRequestFilter(nonBlocking = true, priority = Priorities.USER - 100)
    public Response answerFromCache(ContainerRequestContext request) {
        return cachedAnswer(request).orElse(null);
    }

    /**
     * The cached answer to a read of the unchanged catalogue, with its 304 when the client has it already. Only
     * while the head is watched: an answer cached for a head that may have moved is never served. On a miss, notes
     * the key under which the response filter will keep the answer.
     */
    Optional<Response> cachedAnswer(ContainerRequestContext request) {
        if (!cache.enabled() || !HttpMethod.GET.equals(request.getMethod()) || !isApiRead(request.getUriInfo())) {
            return Optional.empty();
        }
        Optional<Head> watched = head.watched();
        if (watched.isEmpty()) {
            return Optional.empty();
        }
        Key key = new Key(watched.get().seq(), target(request.getUriInfo()), request.getHeaderString(HttpHeaders.ACCEPT),
                request.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
        Optional<Answer> answer = cache.get(key);
        if (answer.isEmpty()) {
            request.setProperty(CACHE_KEY, key);
            return Optional.empty();
        }
        request.setProperty(FROM_CACHE, Boolean.TRUE);
        Answer hit = answer.get();
        boolean notModified = isNotModified(request, hit.entityTag(), hit.lastModified());
        Response.ResponseBuilder response = notModified ? Response.notModified()
                : Response.ok(hit.body(), hit.mediaType());
        response.header(HttpHeaders.ETAG, hit.entityTag())
                .header(HttpHeaders.CACHE_CONTROL, hit.cacheControl())
                .header(HttpHeaders.VARY, VARY);
        if (hit.lastModified() != null) {
            response.header(HttpHeaders.LAST_MODIFIED, hit.lastModified());
        }
        if (hit.contentLanguage() != null && !notModified) {
            response.header(HttpHeaders.CONTENT_LANGUAGE, hit.contentLanguage());
        }
        return Optional.of(response.build());
    }

    @ServerResponseFilter
    public void cache(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!read || response.getStatus() != 200 || !response.hasEntity() || !isApiRead(request.getUriInfo())
                || request.getProperty(FROM_CACHE) != null) {
            return;
        }
        // A streamed snapshot and its checksum set their own headers; they are neither serialised nor kept here.
        if (response.getEntity() instanceof StreamingOutput || response.getEntity() instanceof String) {
            return;
        }
        // The body goes out as the very bytes the tag digests: one serialisation per response, and a tag that
        // cannot drift from what the client receives.
        MediaType mediaType = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
        Object entity = response.getEntity();
        String language = Language.of(request);
        Optional<Representation> format = tags.representation(entity, mediaType);
        String contentLanguage = format.filter(Representation::singleLanguage).map(r -> language).orElse(null);
        byte[] body = format.map(r -> r.write(entity, language)).orElseGet(() -> tags.serialise(entity));
        String tag = EntityTags.of(body);
        Instant asOf = settledAsOf(request.getUriInfo());
        Head basis = asOf == null ? head.current() : head.at(asOf);
        String lastModified = basis.releasedAt() == null ? null
                : HTTP_DATE.format(basis.releasedAt().atOffset(ZoneOffset.UTC));
        boolean immutable = resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(Immutable.class);
        String cacheControl = asOf != null || immutable ? IMMUTABLE : LATEST;
        if (request.getProperty(CACHE_KEY) instanceof Key key) {
            cache.put(key, new Answer(body, mediaType.toString(), tag, cacheControl, lastModified, contentLanguage));
        }

        var headers = response.getHeaders();
        headers.putSingle(HttpHeaders.ETAG, tag);
        if (lastModified != null) {
            headers.putSingle(HttpHeaders.LAST_MODIFIED, lastModified);
        }
        headers.putSingle(HttpHeaders.CACHE_CONTROL, cacheControl);
        headers.putSingle(HttpHeaders.VARY, VARY);
        if (isNotModified(request, tag, lastModified)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        } else {
            if (contentLanguage != null) {
                headers.putSingle(HttpHeaders.CONTENT_LANGUAGE, contentLanguage);
            }
            response.setEntity(body, response.getEntityAnnotations(), mediaType);
        }
    }

    private static boolean isApiRead(UriInfo uri) {
        return uri.getPath().startsWith("/v1/");
    }

    /** Path and query as sent: two spellings of one question are two entries, never one answer for two questions. */
    private static String target(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return query == null ? uri.getPath() : uri.getPath() + "?" + query;
    }

    /** The request's asOf when it names a settled instant; null for "latest" answers and for a malformed asOf. */
    private static Instant settledAsOf(UriInfo uri) {
        String asOf = uri.getQueryParameters().getFirst("asOf");
        if (asOf == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(asOf).toInstant();
            return instant.isBefore(Instant.now().minus(SETTLED)) ? instant : null;
        } catch (DateTimeParseException | ArithmeticException e) {
            // An operation that takes asOf has refused it already; one that does not take it ignores it.
            return null;
        }
    }

    private static boolean isNotModified(ContainerRequestContext request, String tag, String lastModified) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return EntityTags.matchesWeakly(ifNoneMatch, tag);
        }
        String ifModifiedSince = request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince == null || lastModified == null) {
            return false;
        }
        try {
            Instant since = OffsetDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Instant modified = OffsetDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !modified.truncatedTo(ChronoUnit.SECONDS).isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
