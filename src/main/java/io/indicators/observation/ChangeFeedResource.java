package io.indicators.observation;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import io.indicators.common.api.Page;
import io.indicators.common.api.QueryParameters;
import io.indicators.observation.ObservationViews.Change;

/** Every change since an instant, retractions included, so a client can sync only what changed. */
@Path("/v1/changes")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    private final ObservationService observations;
    private final ChangeStreams streams;

    ChangeFeedResource(ObservationService observations, ChangeStreams streams) {
        this.observations = observations;
        this.streams = streams;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, TidyCsv.TEXT_CSV })
    public Page<Change> changes(@QueryParam("updatedAfter") String updatedAfter, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @QueryParam("asOf") String asOf) {
        Instant after = updatedAfter == null ? Instant.EPOCH : QueryParameters.pastInstant("updatedAfter", updatedAfter);
        return observations.feed(after, QueryParameters.versionPosition(cursor), QueryParameters.limit(limit),
                QueryParameters.pastInstant("asOf", asOf));
    }

    /**
     * The same changes pushed as they are published: one {@code change} event each, its id the feed cursor, so a
     * client that reconnects with {@code Last-Event-ID} resumes after the last change it received.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("updatedAfter") String updatedAfter,
            @Context SseEventSink sink, @Context Sse sse) {
        streams.open(sink, sse, lastEventId, updatedAfter == null ? null
                : QueryParameters.pastInstant("updatedAfter", updatedAfter));
    }
}
