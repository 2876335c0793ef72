package io.indicators.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.indicators.common.api.Page;
import io.indicators.common.api.QueryParameters;
import io.indicators.common.catalogue.CatalogueHead;
import io.indicators.common.http.EntityTags;
import io.indicators.common.http.HttpCaching;
import io.indicators.common.http.HttpLimits;
import io.indicators.common.http.Immutable;
import io.indicators.common.problem.ApiException;
import io.indicators.observation.ObservationService;
import io.indicators.observation.ObservationViews.Change;
import io.indicators.observation.ObservationViews.ReleaseChanges;
import io.indicators.observation.ObservationViews.ReleaseRef;
import io.indicators.observation.Snapshots;
import io.indicators.observation.TidyCsv;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.UnauthorizedException;

@Path("/v1/releases")
@Produces(MediaType.APPLICATION_JSON)
public class ReleaseResource {

    public static final String PUBLISHER_ROLE = "publisher";
    private static final Logger LOG = Logger.getLogger(ReleaseResource.class);
    /** A release's changes come a page at a time; most releases fit on one. */
    private static final int RELEASE_CHANGES_PAGE = 100;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    /** Not a release id (ReleaseValidator refuses it): the alias of the newest release. */
    static final String LATEST = "latest";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final ReleaseQueries queries;
    private final ReleaseService service;
    private final ObservationService observations;
    private final CatalogueHead head;
    private final PublishGate gate;
    private final JsonWebToken token;
    private final Snapshots snapshots;
    private final MeterRegistry metrics;
    private final ObjectMapper json;
    private final HttpLimits limits;
    private final ReleaseSchema schema;

    ReleaseResource(ReleaseQueries queries, ReleaseService service, ObservationService observations, CatalogueHead head,
            PublishGate gate, JsonWebToken token, Snapshots snapshots, MeterRegistry metrics, ObjectMapper json,
            HttpLimits limits, ReleaseSchema schema) {
        this.limits = limits;
        this.schema = schema;
        this.queries = queries;
        this.service = service;
        this.observations = observations;
        this.head = head;
        this.gate = gate;
        this.token = token;
        this.snapshots = snapshots;
        this.metrics = metrics;
        this.json = json;
    }

    @GET
    public Page<ReleaseView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @QueryParam("asOf") String asOf) {
        return queries.list(QueryParameters.position(cursor), QueryParameters.limit(limit),
                QueryParameters.pastInstant("asOf", asOf));
    }

    @GET
    @Path("/{id}")
    @Immutable
    public ReleaseView get(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        return queries.get(id, QueryParameters.pastInstant("asOf", asOf));
    }

    @GET
    @Path("/{id}/changes")
    @Immutable
    @Produces({ MediaType.APPLICATION_JSON, TidyCsv.TEXT_CSV })
    public ReleaseChanges changes(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @QueryParam("asOf") String asOf) {
        int pageSize = QueryParameters.limit(limit, RELEASE_CHANGES_PAGE);
        long afterId = QueryParameters.versionPosition(cursor);
        ReleaseView release = queries.get(id, QueryParameters.pastInstant("asOf", asOf));
        Page<Change> page = observations.ofRelease(id, release.releasedAt(), afterId, pageSize);
        return new ReleaseChanges(new ReleaseRef(release.id(), release.releasedAt()), page.items(), page.next());
    }

    /** A token issued in the future beyond clock skew is forged or from a broken clock; neither may publish. */
    private void checkIssuedAt() {
        long issuedAt = token.getIssuedAtTime();
        if (issuedAt > Instant.now().plus(CLOCK_SKEW).getEpochSecond()) {
            throw new UnauthorizedException("The token's iat is in the future");
        }
    }

    /**
     * The whole catalogue as it stood when the release landed, as one CSV; {@code latest} redirects to the newest
     * release's. Immutable: the same bytes for ever, so its tag is the release's and its SHA-256 is published beside.
     */
    @GET
    @Path("/{id}/snapshot")
    @Produces(TidyCsv.TEXT_CSV)
    public Response snapshot(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (LATEST.equals(id)) {
            return latest("snapshot");
        }
        ReleaseView release = queries.get(id, null);
        String tag = EntityTags.of(("snapshot:" + Snapshots.FORMAT_VERSION + ":" + release.id())
                .getBytes(StandardCharsets.UTF_8));
        Response.ResponseBuilder answer = EntityTags.matchesWeakly(ifNoneMatch, tag) ? Response.notModified()
                : Response.ok(snapshots.of(release.releasedAt()), "text/csv;charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"" + fileName(release.id()) + "\"");
        return answer.tag(new EntityTag(tag.substring(1, tag.length() - 1)))
                .header(HttpHeaders.CACHE_CONTROL, HttpCaching.IMMUTABLE).build();
    }

    /** The snapshot's SHA-256, in the form sha256sum checks ({@code sha256sum -c}). */
    @GET
    @Path("/{id}/snapshot.sha256")
    @Produces(MediaType.TEXT_PLAIN)
    public Response snapshotSha256(@PathParam("id") String id) {
        if (LATEST.equals(id)) {
            return latest("snapshot.sha256");
        }
        ReleaseView release = queries.get(id, null);
        return Response.ok(snapshots.sha256(release.releasedAt()) + "  " + fileName(release.id()) + "\n",
                "text/plain;charset=UTF-8").header(HttpHeaders.CACHE_CONTROL, HttpCaching.IMMUTABLE).build();
    }

    private Response latest(String what) {
        String newest = head.current().releaseId();
        if (newest == null) {
            throw ApiException.notFound("No release yet");
        }
        return Response.temporaryRedirect(UriBuilder.fromPath("/v1/releases/{id}/" + what).build(newest))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    private static String fileName(String releaseId) {
        return "indicator-api-" + releaseId + ".csv";
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(PUBLISHER_ROLE)
    public Response publish(InputStream body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam("Idempotency-Key") String idempotencyKey, SecurityContext security) throws IOException {
        checkIssuedAt();
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.badParameter("Idempotency-Key", "Idempotency-Key must be 1 to 200 visible ASCII characters");
        }
        if (ifMatch != null && Arrays.stream(ifMatch.split(",")).anyMatch(tag -> tag.trim().equals("*"))) {
            throw ApiException.preconditionRequired("If-Match: * names no state: send the ETag of GET /v1/releases "
                    + "this release builds on");
        }
        String publisher = security.getUserPrincipal().getName();
        ReleaseService.Outcome outcome;
        try {
            // The body is read inside the publish, as a stream: a release is never held whole in memory.
            outcome = gate
                    .inTurn(() -> service.publish(ReleaseBody.of(limits.bounded(body), json, schema), publisher, idempotencyKey,
                            basedOn -> ReleaseService.Precondition.named(ifMatch, basedOn)));
        } catch (UncheckedIOException e) {
            // A body that is not JSON of a release's shape: answered as the problem it is (ProblemMapper).
            throw e.getCause();
        }
        head.refresh();
        ReleaseView view = queries.view(outcome.release());
        if (!outcome.replayed()) {
            metrics.counter("indicators.releases.published").increment();
            metrics.counter("indicators.values.published", "change", "added").increment(view.changes().added());
            metrics.counter("indicators.values.published", "change", "revised").increment(view.changes().revised());
            metrics.counter("indicators.values.published", "change", "retracted").increment(view.changes().retracted());
        }
        if (outcome.replayed()) {
            return Response.ok(view).header("Idempotent-Replayed", "true").build();
        }
        // The one write of this service: an operator sees each in the log, with the trace of the request that made it.
        LOG.infof("Published release %s by %s: %d added, %d revised, %d retracted", view.id(), publisher,
                view.changes().added(), view.changes().revised(), view.changes().retracted());
        return Response.created(UriBuilder.fromPath("/v1/releases/{id}").build(view.id())).entity(view).build();
    }
}
