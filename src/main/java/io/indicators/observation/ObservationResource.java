package io.indicators.observation;

import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import io.indicators.common.api.QueryParameters;
import io.indicators.common.period.InvalidPeriodException;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.common.problem.ApiException;
import io.indicators.observation.ObservationViews.CitationView;
import io.indicators.observation.ObservationViews.ObservationSet;
import io.indicators.observation.ObservationViews.ObservationView;
import io.indicators.observation.ObservationViews.ValueHistory;
import io.indicators.source.Citations;
import io.indicators.source.SourceService;

@Path("/v1/indicators/{id}/observations")
@Produces(MediaType.APPLICATION_JSON)
public class ObservationResource {

    private final ObservationService service;
    private final SourceService sources;

    ObservationResource(ObservationService service, SourceService sources) {
        this.service = service;
        this.sources = sources;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, TidyCsv.TEXT_CSV, JsonStat.MEDIA_TYPE, SdmxCsv.MEDIA_TYPE, SdmxJson.MEDIA_TYPE })
    public ObservationSet observations(@PathParam("id") String id, @QueryParam("geo") String geo,
            @QueryParam("startPeriod") String startPeriod, @QueryParam("endPeriod") String endPeriod,
            @QueryParam("lastNObservations") String lastNObservations, @QueryParam("asOf") String asOf,
            @QueryParam("includeHistory") String includeHistory, @QueryParam("publishedBy") String publishedBy,
            @Context HttpHeaders headers) {
        boolean history = QueryParameters.flag("includeHistory", includeHistory);
        MediaType preferred = headers.getAcceptableMediaTypes().getFirst();
        if (history && !preferred.isWildcardType() && (preferred.isCompatible(JsonStat.MEDIA_TYPE_UTF8)
                || preferred.isCompatible(SdmxCsv.MEDIA_TYPE_VERSIONED)
                || preferred.isCompatible(SdmxJson.MEDIA_TYPE_VERSIONED))) {
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

    @GET
    @Path("/{period}/citation")
    @Produces({ MediaType.APPLICATION_JSON, Citations.BibTeX.MEDIA_TYPE, Citations.CslJson.MEDIA_TYPE,
            Citations.Ris.MEDIA_TYPE })
    public ValueCitation citation(@PathParam("id") String id, @PathParam("period") String period,
            @QueryParam("geo") String geo, @QueryParam("asOf") String asOf) {
        ReferencePeriod parsed = QueryParameters.period("period", period);
        Instant at = QueryParameters.pastInstant("asOf", asOf);
        ObservationSet set = service.observations(id, new ObservationService.Query(QueryParameters.requiredGeo(geo),
                parsed, parsed, null, at, false, null));
        ObservationView value = set.observations().stream().filter(v -> v.period().equals(parsed.text())).findFirst()
                .orElseThrow(() -> ApiException.notFound("Indicator '" + id + "' has no value for " + geo + " in "
                        + parsed.text()));
        if (value.citations().isEmpty()) {
            throw ApiException.notFound("The " + parsed.text() + " value of '" + id + "' is derived and quotes no "
                    + "document itself: cite the values it is derived from (its derivation names them)");
        }
        CitationView citation = value.citations().getFirst();
        return ValueCitation.of(set.indicator(), value, citation,
                sources.detail(citation.document().id(), null, 1, at));
    }
}
