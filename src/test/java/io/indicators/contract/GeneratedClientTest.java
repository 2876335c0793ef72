package io.indicators.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.indicators.client.ApiClient;
import io.indicators.client.ApiException;
import io.indicators.client.api.ClaimsApi;
import io.indicators.client.api.IndicatorsApi;
import io.indicators.client.api.IndicatorsApi.APIGetIndicatorRequest;
import io.indicators.client.api.IndicatorsApi.APIGetObservationsRequest;
import io.indicators.client.api.IndicatorsApi.APIListIndicatorsRequest;
import io.indicators.client.api.SourcesApi;
import io.indicators.client.api.SourcesApi.APIGetPublicationRequest;
import io.indicators.client.api.SourcesApi.APIListPublicationsRequest;
import io.indicators.client.model.Citation;
import io.indicators.client.model.ClaimCheck;
import io.indicators.client.model.ClaimRequest;
import io.indicators.client.model.ClaimVerdict;
import io.indicators.client.model.IndicatorPage;
import io.indicators.client.model.IndicatorSummary;
import io.indicators.client.model.Observation;
import io.indicators.client.model.ObservationSet;
import io.indicators.client.model.ObservationStatus;
import io.indicators.client.model.Problem;
import io.indicators.client.model.PublicationDetail;
import io.indicators.client.model.ValueKind;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Uses the Java SDK generated from the contract at build time (openapi-generator, library {@code native}, into
 * target/generated-test-sources) as an SDK user would, against the running service. If the contract and the
 * service disagree, the client fails to compile or to read the answers, and so does the build.
 */
@QuarkusTest
class GeneratedClientTest {

    private static final String SHORTFALL = "ai-workforce-shortfall";

    @TestHTTPResource("/")
    URL server;

    private IndicatorsApi indicators;
    private ClaimsApi claims;
    private SourcesApi sources;
    private ObjectMapper json;

    @BeforeEach
    void client() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.toString().replaceAll("/$", ""));
        indicators = new IndicatorsApi(client);
        claims = new ClaimsApi(client);
        sources = new SourcesApi(client);
        json = client.getObjectMapper();
    }

    @Test
    void checksAClaimAndFindsTheSurveyItCites() throws ApiException {
        ClaimCheck check = claims.checkClaimText(new ClaimRequest().text("부족 인력은 8579명으로 집계됐다")
                .indicator(SHORTFALL));
        ClaimVerdict verdict = check.getVerdicts().getFirst();
        assertEquals(ClaimVerdict.VerdictEnum.EXACT, verdict.getVerdict());
        assertEquals("persons", check.getNumbers().getFirst().getReadings().getFirst().getUnit());
        String survey = verdict.getValue().getCitations().getFirst().getPublication().getId();

        PublicationDetail publication = sources.getPublication(APIGetPublicationRequest.newBuilder().id(survey).build());
        assertEquals("survey", publication.getKind().getValue());
        assertTrue(publication.getValueCount() > 0);
        assertTrue(sources.listPublications(APIListPublicationsRequest.newBuilder().build()).getItems().stream()
                .anyMatch(listed -> listed.getId().equals(survey)));
    }

    @Test
    void listsIndicators() throws ApiException {
        IndicatorPage page = indicators.listIndicators(APIListIndicatorsRequest.newBuilder().build());

        assertFalse(page.getItems().isEmpty());
        IndicatorSummary shortfall = page.getItems().stream().filter(i -> i.getId().equals(SHORTFALL)).findFirst()
                .orElseThrow(() -> new AssertionError(SHORTFALL + " is not listed"));
        assertEquals("AI workforce shortfall", shortfall.getName().getEn());
        assertEquals("persons", shortfall.getUnit().getCode());
        assertEquals(ValueKind.NUMBER, shortfall.getValueKind());
        assertTrue(shortfall.getGeos().contains("KR"));
    }

    @Test
    void readsTheShortfallSeriesWithItsCitations() throws ApiException {
        ObservationSet set = indicators.getObservations(APIGetObservationsRequest.newBuilder()
                .id(SHORTFALL).geo("KR").build());

        assertEquals(SHORTFALL, set.getIndicator().getId());
        assertNotNull(set.getRelease(), "the release current now");
        List<Observation> observations = set.getObservations();
        assertEquals(List.of("2020", "2023"), observations.stream().map(Observation::getPeriod).toList());
        assertEquals(0, new BigDecimal(1609).compareTo(observations.get(0).getValue()));
        assertEquals(0, new BigDecimal(8579).compareTo(observations.get(1).getValue()));
        for (Observation observation : observations) {
            assertEquals("KR", observation.getGeo());
            assertEquals(ObservationStatus.OBSERVED, observation.getStatus());
            assertNull(observation.getRealtimeEnd(), "current values have no realtimeEnd");
            assertFalse(observation.getCitations().isEmpty(), "every value is cited");
        }
        Citation citation = observations.get(1).getCitations().getFirst();
        assertEquals("부족 인력은 8579명으로 집계됐다", citation.getQuote());
        assertEquals("hankyoreh-2024-ai-talent-silicon-valley", citation.getDocument().getId());
        assertEquals("spri-2023-ai-industry-survey", citation.getPublication().getId());
    }

    @Test
    void pagesThroughTheIndicatorListFollowingNext() throws ApiException {
        List<String> all = indicators.listIndicators(APIListIndicatorsRequest.newBuilder().limit(100).build())
                .getItems().stream().map(IndicatorSummary::getId).toList();

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            IndicatorPage page = indicators.listIndicators(APIListIndicatorsRequest.newBuilder()
                    .limit(2).cursor(cursor).build());
            assertTrue(page.getItems().size() <= 2, "a page holds at most limit items");
            page.getItems().forEach(i -> paged.add(i.getId()));
            cursor = page.getNext();
            assertTrue(++pages <= all.size() / 2 + 1, "paging ends");
        } while (cursor != null);

        assertTrue(all.size() > 2, "enough indicators to need several pages");
        assertEquals(paged.size(), new HashSet<>(paged).size(), "every id once: " + paged);
        assertEquals(all, paged, "the pages together are the whole list, in order");
        assertEquals(Set.copyOf(all), Set.copyOf(paged));
    }

    @Test
    void anUnknownIndicatorIsATypedNotFound() throws Exception {
        ApiException error = assertThrows(ApiException.class, () -> indicators.getIndicator(
                APIGetIndicatorRequest.newBuilder().id("no-such-indicator").build()));

        assertEquals(404, error.getCode());
        assertTrue(error.getResponseHeaders().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json"));
        Problem problem = json.readValue(error.getResponseBody(), Problem.class);
        assertEquals(URI.create("urn:indicator-api:problem:not-found"), problem.getType());
        assertEquals(404, problem.getStatus());
        assertEquals("Not found", problem.getTitle());
        assertEquals("/v1/indicators/no-such-indicator", problem.getInstance());
    }
}
