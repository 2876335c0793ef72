package io.indicators.common.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.indicators.PublisherTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Answers kept in memory are served ahead of authentication, because every read is public. A deployment that
 * restricts reads with HTTP permissions makes them not public: then a kept answer must wait for the permission check
 * like any other. The exchanges are sent with a plain HTTP client, not REST Assured: a 401 for a read is outside the
 * contract, which describes the public service.
 */
@QuarkusTest
@TestProfile(HttpPermissionsTest.ReadsForSignedInClientsOnly.class)
class HttpPermissionsTest {

    public static class ReadsForSignedInClientsOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.auth.permission.signed-in-reads.paths", "/v1/*",
                    "quarkus.http.auth.permission.signed-in-reads.policy", "authenticated");
        }
    }

    @TestHTTPResource("/v1/indicators")
    URI indicators;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aKeptAnswerIsNotServedToAClientThePermissionsRefuse() throws IOException, InterruptedException {
        String token = PublisherTokens.reader();
        HttpResponse<String> computed = get(token);
        assertEquals(200, computed.statusCode(), "the first read, computed and kept");
        HttpResponse<String> kept = get(token);
        assertEquals(200, kept.statusCode(), "the second read, served from memory");
        assertEquals(computed.body(), kept.body());

        HttpResponse<String> refused = get(null);
        assertEquals(401, refused.statusCode(), "the kept answer, asked for without credentials");
        assertNotEquals(kept.body(), refused.body());
    }

    private HttpResponse<String> get(String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(indicators).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
