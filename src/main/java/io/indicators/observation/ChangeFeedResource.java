package io.indicators.observation;

import io.indicators.common.api.Page;
import io.indicators.common.api.QueryParameters;
import io.indicators.observation.ObservationViews.Change;
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

    private final ObservationService observations;

    ChangeFeedResource(ObservationService observations) {
        this.observations = observations;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, TidyCsv.TEXT_CSV })
    public Page<Change> changes(@QueryParam("updatedAfter") String updatedAfter, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @QueryParam("asOf") String asOf) {
        Instant after = updatedAfter == null ? Instant.EPOCH : QueryParameters.pastInstant("updatedAfter", updatedAfter);
        return observations.feed(after, QueryParameters.versionPosition(cursor), QueryParameters.limit(limit),
                QueryParameters.pastInstant("asOf", asOf));
    }
}
