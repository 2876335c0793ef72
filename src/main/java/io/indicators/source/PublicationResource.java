package io.indicators.source;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.indicators.common.api.Page;
import io.indicators.common.api.QueryParameters;
import io.indicators.source.SourceViews.PublicationDetail;
import io.indicators.source.SourceViews.ReleaseCalendar;

/** The primary publications (surveys, reports, indices) the documents cite, and when their next editions are due. */
@Path("/v1/publications")
@Produces(MediaType.APPLICATION_JSON)
public class PublicationResource {

    private final PublicationService service;

    PublicationResource(PublicationService service) {
        this.service = service;
    }

    @GET
    public Page<PublicationDetail> list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @QueryParam("asOf") String asOf) {
        return service.list(QueryParameters.position(cursor), QueryParameters.limit(limit),
                QueryParameters.pastInstant("asOf", asOf));
    }

    @GET
    @Path("/calendar")
    @Produces(Calendar.MEDIA_TYPE)
    public ReleaseCalendar calendar(@QueryParam("asOf") String asOf) {
        return service.calendar(QueryParameters.pastInstant("asOf", asOf));
    }

    @GET
    @Path("/{id}")
    @Produces({ MediaType.APPLICATION_JSON, Citations.BibTeX.MEDIA_TYPE, Citations.CslJson.MEDIA_TYPE,
            Citations.Ris.MEDIA_TYPE })
    public PublicationDetail get(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        return service.detail(QueryParameters.id("id", id), QueryParameters.pastInstant("asOf", asOf));
    }
}
