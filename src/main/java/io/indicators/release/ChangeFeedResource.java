package io.indicators.release;

import io.indicators.common.api.Page;
import io.indicators.common.api.QueryParameters;
import io.indicators.common.problem.ApiException;
import io.indicators.observation.ObservationService;
import io.indicators.observation.ObservationVersionRepository;
import io.indicators.observation.ObservationViews.Change;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;

/** Every change since an instant, retractions included, so a client can sync only what changed. */
@Path("/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    private final ObservationVersionRepository versions;
    private final ObservationService observations;

    ChangeFeedResource(ObservationVersionRepository versions, ObservationService observations) {
        this.versions = versions;
        this.observations = observations;
    }

    @GET
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Change> changes(@QueryParam("updatedAfter") String updatedAfter, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Instant after = updatedAfter == null ? Instant.EPOCH : QueryParameters.pastInstant("updatedAfter", updatedAfter);
        int pageSize = QueryParameters.limit(limit);
        long afterId = afterId(QueryParameters.position(cursor));
        return Page.of(versions.feed(after, afterId, pageSize + 1), pageSize, v -> Long.toString(v.id), observations::change);
    }

    private static long afterId(String position) {
        try {
            return position == null ? 0 : Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("cursor", "cursor is not one this API returned; start again without it");
        }
    }
}
