package io.indicators.common.http;

import io.indicators.release.Release;
import io.indicators.release.ReleaseRepository;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Conditional GETs and cache lifetimes for every successful read. The catalogue only changes when a release
 * lands, so a response about the past (an {@code asOf} instant, a release) never changes and may be cached for
 * good, while a "latest" response is cached briefly.
 */
public class HttpCaching {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    static final String LATEST = "public, max-age=60";
    /**
     * A release's time is taken when it starts writing, so for a short while an instant just past can still gain
     * values; only answers about instants older than this are final.
     */
    private static final Duration SETTLED = Duration.ofMinutes(1);
    private static final Pattern RELEASE_PATH = Pattern.compile("/v1/releases/[^/]+(/changes)?");

    private final EntityTags tags;
    private final ReleaseRepository releases;

    HttpCaching(EntityTags tags, ReleaseRepository releases) {
        this.tags = tags;
        this.releases = releases;
    }

    @ServerResponseFilter
    public void cache(ContainerRequestContext request, ContainerResponseContext response) {
        boolean read = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        if (!read || response.getStatus() != 200 || !response.hasEntity()
                || !request.getUriInfo().getPath().startsWith("/v1/")) {
            return;
        }
        // The body goes out as the very bytes the tag digests: one serialisation per response, and a tag that
        // cannot drift from what the client receives.
        byte[] body = tags.serialise(response.getEntity());
        String tag = EntityTags.of(body);
        MultivaluedMap<String, Object> headers = response.getHeaders();
        Instant asOf = settledAsOf(request);
        Optional<Release> basis = asOf == null ? releases.head() : releases.currentAt(asOf);
        headers.putSingle(HttpHeaders.ETAG, tag);
        basis.ifPresent(r -> headers.putSingle(HttpHeaders.LAST_MODIFIED, Date.from(r.releasedAt)));
        headers.putSingle(HttpHeaders.CACHE_CONTROL,
                asOf != null || RELEASE_PATH.matcher(request.getUriInfo().getPath()).matches() ? IMMUTABLE : LATEST);
        headers.putSingle(HttpHeaders.VARY, "Accept, Accept-Encoding");

        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean notModified = ifNoneMatch != null ? EntityTags.matches(ifNoneMatch, tag)
                : notModifiedSince(request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), basis);
        if (notModified) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        } else {
            response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
        }
    }

    /** The request's asOf when it names a settled instant; null for "latest" answers. */
    private static Instant settledAsOf(ContainerRequestContext request) {
        String asOf = request.getUriInfo().getQueryParameters().getFirst("asOf");
        if (asOf == null) {
            return null;
        }
        Instant instant = OffsetDateTime.parse(asOf).toInstant();
        return instant.isBefore(Instant.now().minus(SETTLED)) ? instant : null;
    }

    private static boolean notModifiedSince(String header, Optional<Release> basis) {
        if (header == null || basis.isEmpty()) {
            return false;
        }
        try {
            Instant since = OffsetDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !basis.get().releasedAt.truncatedTo(ChronoUnit.SECONDS).isAfter(since.atOffset(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
