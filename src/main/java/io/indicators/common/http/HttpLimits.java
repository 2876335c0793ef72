package io.indicators.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.indicators.common.problem.Problem;
import io.indicators.common.problem.ProblemError;
import io.indicators.common.problem.ProblemMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * Answers, as a problem, a request whose body is declared larger than the service reads (413), before any of it is
 * read; the HTTP layer would refuse it with an empty body. What Vert.x refuses while decoding the request itself (a
 * target with broken percent-encoding, an over-long request line, over-large headers, a chunked body without a
 * length that grows past the limit) still gets its bare 400/414/431/413: no handler runs before the codec.
 */
@ApplicationScoped
public class HttpLimits {

    private final long maxBodySize;
    private final ObjectMapper json;

    HttpLimits(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize, ObjectMapper json) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0 || declared > maxBodySize) {
                refuse(context, 413, "body-too-large", "Request body too large", "The body is " + length
                        + " bytes; this service reads at most " + maxBodySize + " bytes in one request", List.of());
                return;
            }
        }
        context.next();
    }

    private void refuse(RoutingContext context, int status, String type, String title, String detail,
            List<ProblemError> errors) {
        String path = context.request().path();
        String body;
        try {
            body = json.writeValueAsString(new Problem("urn:indicator-api:problem:" + type, title, status, detail,
                    path, errors));
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + status + "}";
        }
        // The body was not read: the connection cannot be reused for another request.
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
