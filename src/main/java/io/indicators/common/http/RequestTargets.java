package io.indicators.common.http;

import java.util.Locale;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.indicators.common.problem.ApiException;

/**
 * Refuses a request whose path or query holds a NUL character ({@code %00}): no id, period or search text can
 * contain one, and PostgreSQL refuses to compare text with it, which used to surface as a 500. Also refuses a query
 * parameter given an empty value ({@code asOf=}): the framework reads it as absent, which would answer a different
 * question than the one asked. A bare name ({@code ?cursor}) stays absent, as clients send it for a null.
 */
public class RequestTargets {

    @ServerRequestFilter(nonBlocking = true, priority = Priorities.USER - 200)
    public void refuseNul(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        String query = request.getUriInfo().getRequestUri().getRawQuery();
        if (holdsNul(path)) {
            throw ApiException.badParameter("path", "The path may not contain the NUL character (%00)");
        }
        if (holdsNul(query)) {
            throw ApiException.badParameter("query", "The query may not contain the NUL character (%00)");
        }
        if (query != null) {
            for (String parameter : query.split("&")) {
                int equals = parameter.indexOf('=');
                if (equals > 0 && equals == parameter.length() - 1) {
                    String name = parameter.substring(0, equals);
                    throw ApiException.badParameter(name, name + " is given without a value; leave it out instead");
                }
            }
        }
    }

    private static boolean holdsNul(String raw) {
        return raw != null && raw.toLowerCase(Locale.ROOT).contains("%00");
    }
}
