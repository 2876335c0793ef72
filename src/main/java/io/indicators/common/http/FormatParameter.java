package io.indicators.common.http;

import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.indicators.common.problem.ApiException;

/**
 * {@code format=csv} (or {@code json}) picks the format where a client cannot set {@code Accept}: a browser link,
 * {@code pandas.read_csv(url)}, a spreadsheet's web import. It wins over {@code Accept}.
 */
public class FormatParameter {

    private static final Map<String, String> FORMATS = Map.of("json", MediaType.APPLICATION_JSON, "csv", "text/csv",
            "jsonstat", "application/json-stat+json", "sdmx-csv", "application/vnd.sdmx.data+csv;version=2.0.0",
            "bibtex", "application/x-bibtex", "csl", "application/vnd.citationstyles.csl+json",
            "ris", "application/x-research-info-systems", "jsonld", "application/ld+json",
            "sdmx-json", "application/vnd.sdmx.data+json;version=2.0.0");

    @ServerRequestFilter(preMatching = true, nonBlocking = true)
    public void applyFormat(ContainerRequestContext request) {
        Language.check(request.getUriInfo().getQueryParameters().getFirst("lang"));
        String format = request.getUriInfo().getQueryParameters().getFirst("format");
        if (format == null) {
            return;
        }
        String mediaType = FORMATS.get(format);
        if (mediaType == null) {
            throw ApiException.badParameter("format", "format must be one of " + FORMATS.keySet().stream().sorted().toList()
                    + ", got '" + format + "'");
        }
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, mediaType);
    }
}
