package io.indicators.common.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.indicators.common.problem.ApiException;
import io.indicators.common.problem.Problem;
import io.indicators.common.problem.ProblemMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The most a request body may hold, answered as a problem (413) whether the body declares its length or streams
 * without one. A declared length is refused before any of the body is read; a chunked body is counted as it is read
 * ({@link #bounded}). Quarkus's own limit ({@code quarkus.http.limits.max-body-size}) sits above this one as a
 * backstop, because what it refuses gets an empty body. What Vert.x refuses while decoding the request line and
 * headers (broken percent-encoding, an over-long target, over-large headers) still gets its bare 400/414/431: no
 * handler of the application runs before the codec (quarkusio/quarkus#55082).
 */
@ApplicationScoped
public class HttpLimits {

    private final long maxBodySize;
    private final ObjectMapper json;

    HttpLimits(@ConfigProperty(name = "indicators.max-body-size") MemorySize maxBodySize, ObjectMapper json) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.json = json;
    }

    /** The body as a stream that refuses, as a 413 problem, to yield more than the limit. */
    public InputStream bounded(InputStream body) {
        return new BoundedInputStream(body);
    }

    private ApiException tooLarge(String size) {
        return ApiException.bodyTooLarge("The body is " + size + "; this service reads at most " + maxBodySize
                + " bytes in one request");
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
                refuse(context, ProblemMapper.problemOf(tooLarge(length + " bytes"), context.request().path()));
                return;
            }
        }
        context.next();
    }

    private final class BoundedInputStream extends FilterInputStream {
        private long read;

        BoundedInputStream(InputStream body) {
            super(body);
        }

        @Override
        public int read() throws IOException {
            int next = super.read();
            count(next < 0 ? -1 : 1);
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = super.read(buffer, offset, length);
            count(count);
            return count;
        }

        @Override
        public void close() throws IOException {
            // Closing the request's stream reads the rest of the body; past the limit that could be without end. The
            // problem answer closes the connection instead.
            if (read <= maxBodySize) {
                super.close();
            }
        }

        private void count(int bytes) {
            if (bytes > 0 && (read += bytes) > maxBodySize) {
                throw tooLarge("more than " + maxBodySize + " bytes");
            }
        }
    }

    private void refuse(RoutingContext context, Problem problem) {
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        // The body was not read: the connection cannot be reused for another request.
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemMapper.PROBLEM_JSON)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body);
    }
}
