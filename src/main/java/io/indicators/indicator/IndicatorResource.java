package io.indicators.indicator;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.indicators.common.api.Page;
import io.indicators.common.api.QueryParameters;
import io.indicators.indicator.IndicatorViews.IndicatorDetail;
import io.indicators.indicator.IndicatorViews.IndicatorSummary;
import io.indicators.observation.ObservationService;
import io.indicators.observation.ObservationViews.VintageList;

@Path("/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    private final IndicatorService service;
    private final ObservationService observations;

    IndicatorResource(IndicatorService service, ObservationService observations) {
        this.service = service;
        this.observations = observations;
    }

    @GET
    public Page<IndicatorSummary> list(@QueryParam("topic") String topic, @QueryParam("geo") String geo,
            @QueryParam("q") String text, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
            @QueryParam("asOf") String asOf) {
        return service.search(QueryParameters.topic(topic), QueryParameters.geo(geo), QueryParameters.text("q", text),
                QueryParameters.position(cursor), QueryParameters.limit(limit), QueryParameters.pastInstant("asOf", asOf));
    }

    @GET
    @Path("/{id}")
    @Produces({ MediaType.APPLICATION_JSON, DatasetJsonLd.MEDIA_TYPE })
    public IndicatorDetail get(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        return service.detail(id, QueryParameters.pastInstant("asOf", asOf));
    }

    @GET
    @Path("/{id}/vintages")
    public VintageList vintages(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        return observations.vintages(id, QueryParameters.pastInstant("asOf", asOf));
    }
}
