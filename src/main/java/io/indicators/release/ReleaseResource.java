package io.indicators.release;

import io.indicators.common.api.Page;
import io.indicators.common.api.QueryParameters;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/v1/releases")
@Produces(MediaType.APPLICATION_JSON)
public class ReleaseResource {

    private final ReleaseQueries queries;

    ReleaseResource(ReleaseQueries queries) {
        this.queries = queries;
    }

    @GET
    public Page<ReleaseView> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return queries.list(QueryParameters.position(cursor), QueryParameters.limit(limit));
    }

    @GET
    @Path("/{id}")
    public ReleaseView get(@PathParam("id") String id) {
        return queries.get(id);
    }
}
