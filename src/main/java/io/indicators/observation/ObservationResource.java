package io.indicators.observation;

import io.indicators.common.api.QueryParameters;
import io.indicators.common.period.InvalidPeriodException;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.common.problem.ApiException;
import io.indicators.observation.ObservationViews.ObservationSet;
import io.indicators.observation.ObservationViews.ValueHistory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

@Path("/v1/indicators/{id}/observations")
@Produces(MediaType.APPLICATION_JSON)
public class ObservationResource {

    private final ObservationService service;

    ObservationResource(ObservationService service) {
        this.service = service;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, TidyCsv.TEXT_CSV, JsonStat.MEDIA_TYPE, SdmxCsv.MEDIA_TYPE })
    public ObservationSet observations(@PathParam("id") String id, @QueryParam("geo") String geo,
            @QueryParam("startPeriod") String startPeriod, @QueryParam("endPeriod") String endPeriod,
            @QueryParam("lastNObservations") String lastNObservations, @QueryParam("asOf") String asOf,
            @QueryParam("includeHistory") String includeHistory, @QueryParam("publishedBy") String publishedBy,
            @Context HttpHeaders headers) {
        boolean history = QueryParameters.flag("includeHistory", includeHistory);
        MediaType preferred = headers.getAcceptableMediaTypes().getFirst();
        if (history && !preferred.isWildcardType() && (preferred.isCompatible(JsonStat.MEDIA_TYPE_UTF8)
                || preferred.isCompatible(SdmxCsv.MEDIA_TYPE_VERSIONED))) {
            throw ApiException.notAcceptable("JSON-stat and SDMX hold one value per geography and period; "
                    + "includeHistory has several: ask for application/json or text/csv");
        }
        return service.observations(id, new ObservationService.Query(QueryParameters.geo(geo),
                QueryParameters.period("startPeriod", startPeriod), QueryParameters.period("endPeriod", endPeriod),
                QueryParameters.optionalInteger("lastNObservations", lastNObservations, 1, 1000),
                QueryParameters.pastInstant("asOf", asOf), history,
                QueryParameters.period("publishedBy", publishedBy)));
    }

    @GET
    @Path("/{period}/history")
    @Produces({ MediaType.APPLICATION_JSON, TidyCsv.TEXT_CSV })
    public ValueHistory history(@PathParam("id") String id, @PathParam("period") String period,
            @QueryParam("geo") String geo, @QueryParam("asOf") String asOf) {
        ReferencePeriod parsed;
        try {
            parsed = ReferencePeriod.parse(period);
        } catch (InvalidPeriodException e) {
            throw ApiException.badParameter("period", e.getMessage());
        }
        return service.history(id, QueryParameters.requiredGeo(geo), parsed, QueryParameters.pastInstant("asOf", asOf));
    }
}
