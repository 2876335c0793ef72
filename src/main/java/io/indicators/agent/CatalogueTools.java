package io.indicators.agent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.indicators.claim.ClaimService;
import io.indicators.claim.ClaimViews.ClaimRequest;
import io.indicators.common.api.QueryParameters;
import io.indicators.common.http.Representation;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.common.problem.ApiException;
import io.indicators.indicator.IndicatorService;
import io.indicators.observation.ObservationService;
import io.indicators.source.Citations;
import io.indicators.source.PublicationService;
import io.indicators.source.SourceService;
import io.quarkiverse.mcp.server.TextContent;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolResponse;

/**
 * The catalogue as Model Context Protocol tools, at {@code /mcp}. Each tool answers with the very JSON the REST API
 * gives for the same question (the same services, the same versions), so what an agent quotes carries the quote, its
 * selectors, the document's SHA-256 and the release, and can be checked against {@code /v1} later. A question the
 * API would refuse is a tool error with the API's own words, never an exception.
 */
@Singleton
public class CatalogueTools {

    private final IndicatorService indicators;
    private final ObservationService observations;
    private final SourceService sources;
    private final PublicationService publications;
    private final ClaimService claims;
    private final Citations.BibTeX bibtex;
    private final Citations.CslJson csl;
    private final Citations.Ris ris;
    private final ObjectMapper json;

    CatalogueTools(IndicatorService indicators, ObservationService observations, SourceService sources,
            PublicationService publications, ClaimService claims, Citations.BibTeX bibtex, Citations.CslJson csl,
            Citations.Ris ris, ObjectMapper json) {
        this.indicators = indicators;
        this.observations = observations;
        this.sources = sources;
        this.publications = publications;
        this.claims = claims;
        this.bibtex = bibtex;
        this.csl = csl;
        this.ris = ris;
        this.json = json;
    }

    @Tool(name = "search_indicators", annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false), description = "Find indicators (Korean AI talent statistics) by words in their Korean or English name or "
            + "description, by topic or by geography. Returns ids to use with get_observations.")
    ToolResponse searchIndicators(
            @ToolArg(description = "Words to look for, in Korean or English, such as 'shortfall' or '부족'", required = false) String query,
            @ToolArg(description = "A topic slug such as 'workforce'", required = false) String topic,
            @ToolArg(description = "An ISO 3166-1 alpha-2 code such as KR, or WORLD", required = false) String geo) {
        return answer(() -> indicators.search(QueryParameters.topic(topic), QueryParameters.geo(geo),
                QueryParameters.text("query", query), null, QueryParameters.MAX_LIMIT, null));
    }

    @Tool(name = "get_observations", annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false), description = "The values of an indicator, each with its verbatim source quote, the quote's position in "
            + "the document, the document's SHA-256 and the release that published it. Values are in base "
            + "units (260000, not 26만). asOf reads the catalogue as it stood at an instant; publishedBy keeps "
            + "only what the world could read by a date.")
    ToolResponse getObservations(
            @ToolArg(description = "The indicator id, such as ai-workforce-shortfall") String indicator,
            @ToolArg(description = "An ISO 3166-1 alpha-2 code such as KR", required = false) String geo,
            @ToolArg(description = "The earliest reference period, such as 2020", required = false) String startPeriod,
            @ToolArg(description = "The latest reference period, such as 2023", required = false) String endPeriod,
            @ToolArg(description = "RFC 3339 instant: the catalogue as known then", required = false) String asOf,
            @ToolArg(description = "A date (2024, 2024-05, 2024-05-01): only values whose source was out by then", required = false) String publishedBy) {
        return answer(() -> observations.observations(QueryParameters.id("indicator", indicator),
                new ObservationService.Query(QueryParameters.geo(geo), QueryParameters.period("startPeriod", startPeriod),
                        QueryParameters.period("endPeriod", endPeriod), null, QueryParameters.pastInstant("asOf", asOf),
                        false, QueryParameters.period("publishedBy", publishedBy))));
    }

    @Tool(name = "get_value_history", annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false), description = "Every revision of one value, oldest first, each with its release, the time it became known "
            + "and when it was superseded, and its citations.")
    ToolResponse getValueHistory(
            @ToolArg(description = "The indicator id, such as ai-workforce-shortfall") String indicator,
            @ToolArg(description = "An ISO 3166-1 alpha-2 code such as KR") String geo,
            @ToolArg(description = "The reference period, such as 2023") String period,
            @ToolArg(description = "RFC 3339 instant: the history as known then", required = false) String asOf) {
        return answer(() -> {
            ReferencePeriod parsed = QueryParameters.period("period", period);
            if (parsed == null) {
                throw ApiException.badParameter("period", "period is required: the value of which reference period?");
            }
            return observations.history(QueryParameters.id("indicator", indicator), QueryParameters.requiredGeo(geo),
                    parsed, QueryParameters.pastInstant("asOf", asOf));
        });
    }

    @Tool(name = "check_claim", annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false), description = "Check the numbers of a sentence (Korean or English, such as '부족 인력은 8579명으로 집계됐다' or "
            + "'8,579 people') against the catalogue: every reading of every number, and the cited values "
            + "that support it (exact, rounds-to, within-range) or contradict it (when an indicator is named).")
    ToolResponse checkClaim(
            @ToolArg(description = "The sentence as written") String text,
            @ToolArg(description = "Compare only with this indicator, and list contradictions", required = false) String indicator,
            @ToolArg(description = "An ISO 3166-1 alpha-2 code such as KR", required = false) String geo,
            @ToolArg(description = "A reference period such as 2023", required = false) String period,
            @ToolArg(description = "RFC 3339 instant: the catalogue as known then", required = false) String asOf) {
        return answer(() -> claims.check(new ClaimRequest(text, indicator, geo, period, asOf)));
    }

    @Tool(name = "cite", annotations = @Tool.Annotations(readOnlyHint = true, openWorldHint = false), description = "A source document, or the primary publication (survey, report) a citation names, as a "
            + "reference for a bibliography: BibTeX, CSL-JSON or RIS. Only what the catalogue records is "
            + "written: no invented date or URL; a document's note names its text's SHA-256.")
    ToolResponse cite(
            @ToolArg(description = "A document id (a citation's document.id) or a publication id (its publication.id)") String id,
            @ToolArg(description = "bibtex, csl or ris", defaultValue = "bibtex") String format,
            @ToolArg(description = "RFC 3339 instant: as described then", required = false) String asOf) {
        try {
            Representation writer = switch (format == null ? "bibtex" : format) {
                case "bibtex" -> bibtex;
                case "csl" -> csl;
                case "ris" -> ris;
                default -> throw ApiException.badParameter("format", "format must be bibtex, csl or ris, got '" + format + "'");
            };
            String slug = QueryParameters.id("id", id);
            Instant at = QueryParameters.pastInstant("asOf", asOf);
            Object source = publications.find(slug, at).<Object> map(publication -> publication)
                    .orElseGet(() -> sources.detail(slug, null, 1, at));
            return ToolResponse.success(new TextContent(new String(writer.write(source, null), StandardCharsets.UTF_8)));
        } catch (ApiException e) {
            return ToolResponse.error(e.getMessage());
        }
    }

    private ToolResponse answer(Supplier<Object> question) {
        try {
            return ToolResponse.success(new TextContent(json.writeValueAsString(question.get())));
        } catch (ApiException e) {
            return ToolResponse.error(e.getMessage());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an answer", e);
        }
    }
}
