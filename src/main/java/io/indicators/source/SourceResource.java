package io.indicators.source;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.indicators.common.api.Page;
import io.indicators.common.api.QueryParameters;
import io.indicators.source.SourceViews.SourceDetail;
import io.indicators.source.SourceViews.SourceSummary;

@Path("/v1/sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    /** A source's values come a page at a time; a news article states a few dozen at most. */
    private static final int VALUES_PAGE = 100;

    private final SourceService service;

    SourceResource(SourceService service) {
        this.service = service;
    }

    @GET
    public Page<SourceSummary> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @QueryParam("asOf") String asOf) {
        return service.list(QueryParameters.position(cursor), QueryParameters.limit(limit),
                QueryParameters.pastInstant("asOf", asOf));
    }

    @GET
    @Path("/{id}")
    @Produces({ MediaType.APPLICATION_JSON, Citations.BibTeX.MEDIA_TYPE, Citations.CslJson.MEDIA_TYPE,
            Citations.Ris.MEDIA_TYPE })
    public SourceDetail get(@PathParam("id") String id, @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor, @QueryParam("asOf") String asOf) {
        return service.detail(id, QueryParameters.position(cursor), QueryParameters.limit(limit, VALUES_PAGE),
                QueryParameters.pastInstant("asOf", asOf));
    }
}
