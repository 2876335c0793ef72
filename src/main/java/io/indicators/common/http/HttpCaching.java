package io.indicators.common.http;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.indicators.common.catalogue.CatalogueHead;
import io.indicators.common.catalogue.CatalogueHead.Head;
import io.indicators.common.catalogue.ResponseCache;
import io.indicators.common.catalogue.ResponseCache.Answer;
import io.indicators.common.catalogue.ResponseCache.Key;
import io.quarkus.vertx.http.runtime.HttpCompressionHandler;
import io.quarkus.vertx.http.runtime.PolicyMappingConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpConfig;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

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
    /** Where Quarkus REST notes the matched operation's path template for metrics and traces (ObservabilityUtil). */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    private static final String UNCOMPRESSED = "identity";

    private final EntityTags tags;
    private final CatalogueHead head;
    private final ResponseCache cache;
    private final Set<String> compressedMediaTypes;

    HttpCaching(EntityTags tags, CatalogueHead head, ResponseCache cache,
            @ConfigProperty(name = "quarkus.http.compress-media-types") List<String> compressedMediaTypes) {
        this.tags = tags;
        this.head = head;
        this.cache = cache;
        this.compressedMediaTypes = Set.copyOf(compressedMediaTypes);
    }

    /**
     * Answers a read of the unchanged catalogue from memory on the I/O thread, ahead of Quarkus REST: a hit costs a
     * map lookup and a write, where going through REST's filter chain and writer cost most of a cached read's CPU
     * (src/bench/profile-reads.md). On a miss, notes the key under which the response filter will keep the answer.
     *
     * <p>
     * A hit is answered after CORS and before authentication. Every read is public and its answer is the same for
     * every client (the key holds no identity), so authenticating a request that a hit answers is work for nothing,
     * and so is what Quarkus REST does for each request when authentication is not proactive: it matches the path
     * against every resource to name the operation for metrics, should authentication fail (10 % of a hit's CPU
     * natively, profile-reads.md). Where an operator restricts paths with HTTP permissions
     * ({@code quarkus.http.auth.permission.*}), hits wait for them: the route then runs after authorization, still
     * ahead of {@link ReadBulkhead}'s, so a hit never waits for a turn.
     */
    void install(@Observes Router router, SmallRyeConfig config) {
        Collection<PolicyMappingConfig> permissions = config.getConfigMapping(VertxHttpConfig.class).auth()
                .permissions().values();
        router.get("/v1/*").order(routeOrder(permissions)).handler(this::answerFromCache);
    }

    /** Ahead of authentication, unless HTTP permissions apply; then after authorization and compression. */
    private static int routeOrder(Collection<PolicyMappingConfig> permissions) {
        if (permissions.stream().anyMatch(permission -> permission.enabled().orElse(true))) {
            return RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;
        }
        // The HTTP layer orders its filters by descending priority: CORS (300) comes first, authentication (200) next.
        return -(SecurityHandlerPriorities.AUTHENTICATION + 1);
    }

    private void answerFromCache(RoutingContext context) {
        Key key = key(context.request());
        if (key != null && answer(context, key)) {
            return;
        }
        // Only a miss notes its key, a hit being answered: the response filter keeps the answer under it, and the
        // read that waited for its turn looks again.
        if (key != null) {
            context.put(CACHE_KEY, key);
        }
        context.next();
    }

    /**
     * Writes the kept answer to a read that missed on its way in and has waited for its turn to compute it (see
     * {@link ReadBulkhead}): the read ahead of it may have computed it already. True if there was one.
     */
    boolean answerFromMemory(RoutingContext context) {
        return context.get(CACHE_KEY) instanceof Key key && answer(context, key);
    }

    private boolean answer(RoutingContext context, Key key) {
        Answer hit = cache.answer(key);
        if (hit == null) {
            return false;
        }
        // What Quarkus REST would have noted for this route: metrics and traces name the operation, not the path.
        if (hit.pathTemplate() != null) {
            ((HttpServerRequestInternal) context.request()).context().putLocal(URL_PATH_TEMPLATE, hit.pathTemplate());
        }
        MultiMap headers = context.request().headers();
        boolean notModified = isNotModified(headers.get(HttpHeaders.IF_NONE_MATCH), headers.get(HttpHeaders.IF_MODIFIED_SINCE),
                hit.entityTag(), hit.lastModified());
        HttpServerResponse response = context.response();
        putHeaders(response::putHeader, hit.entityTag(), hit.cacheControl(), hit.lastModified(), hit.contentLanguage(),
                notModified);
        if (notModified) {
            response.setStatusCode(Response.Status.NOT_MODIFIED.getStatusCode()).end();
            return true;
        }
        response.putHeader(HttpHeaders.CONTENT_TYPE, hit.mediaType());
        // The HTTP layer leaves a response uncompressed unless its route asks, as REST's do for these media types;
        // ahead of authentication, this route also comes before the handler that marks responses uncompressed.
        response.putHeader(HttpHeaders.CONTENT_ENCODING, UNCOMPRESSED);
        HttpCompressionHandler.compressIfNeeded(context, compressedMediaTypes);
        response.end(hit.body());
        return true;
    }

    /**
     * The key of a read of the latest catalogue, or null when its answer must not come from memory: the head is not
     * watched (an answer cached for a head that may have moved is never served), or a header the answer depends on
     * is repeated.
     */
    private Key key(HttpServerRequest request) {
        if (!cache.enabled()) {
            return null;
        }
        Optional<Head> watched = head.watched();
        if (watched.isEmpty()) {
            return null;
        }
        MultiMap headers = request.headers();
        List<String> accept = headers.getAll(HttpHeaders.ACCEPT);
        List<String> acceptLanguage = headers.getAll(HttpHeaders.ACCEPT_LANGUAGE);
        if (accept.size() > 1 || acceptLanguage.size() > 1) {
            return null;
        }
        // The target as sent: two spellings of one question are two entries, never one answer for two questions.
        return new Key(watched.get().seq(), request.uri(), accept.isEmpty() ? null : accept.get(0),
                acceptLanguage.isEmpty() ? null : acceptLanguage.get(0));
    }

    @ServerResponseFilter
    public void cache(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource,
            RoutingContext routing) {
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!read || response.getStatus() != 200 || !response.hasEntity() || !isApiRead(request.getUriInfo())) {
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
        if (routing.get(CACHE_KEY) instanceof Key key) {
            String pathTemplate = ((HttpServerRequestInternal) routing.request()).context().getLocal(URL_PATH_TEMPLATE);
            cache.put(key, body, mediaType.toString(), tag, cacheControl, lastModified, contentLanguage, pathTemplate);
        }

        boolean notModified = isNotModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), tag, lastModified);
        putHeaders(response.getHeaders()::putSingle, tag, cacheControl, lastModified, contentLanguage, notModified);
        if (notModified) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        } else {
            response.setEntity(body, response.getEntityAnnotations(), mediaType);
        }
    }

    /**
     * The headers of every read's answer, whether computed now or kept from before, served ahead of REST or by it:
     * one place, so a hit can never differ from the answer it repeats. A 304 carries no language, having no body.
     */
    private static void putHeaders(BiConsumer<String, String> header, String tag, String cacheControl,
            String lastModified, String contentLanguage, boolean notModified) {
        header.accept(HttpHeaders.ETAG, tag);
        header.accept(HttpHeaders.CACHE_CONTROL, cacheControl);
        header.accept(HttpHeaders.VARY, VARY);
        if (lastModified != null) {
            header.accept(HttpHeaders.LAST_MODIFIED, lastModified);
        }
        if (contentLanguage != null && !notModified) {
            header.accept(HttpHeaders.CONTENT_LANGUAGE, contentLanguage);
        }
    }

    private static boolean isApiRead(UriInfo uri) {
        return uri.getPath().startsWith("/v1/");
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

    private static boolean isNotModified(String ifNoneMatch, String ifModifiedSince, String tag, String lastModified) {
        if (ifNoneMatch != null) {
            return EntityTags.matchesWeakly(ifNoneMatch, tag);
        }
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
