package io.indicators.release;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.indicators.common.api.AsStated;
import io.indicators.common.api.DatePublished;
import io.indicators.common.api.Derivation;
import io.indicators.common.api.KoreanEnglish;
import io.indicators.common.api.OriginalText;
import io.indicators.common.api.PeriodBasis;
import io.indicators.common.api.Unit;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Everything one release publishes, applied in one transaction or not at all. The seed files in {@code seeds/}
 * have exactly this shape: the seed loader reads them with its own YAML mapper, so the records are registered for
 * reflection, nested ones included, for the native image.
 */
@RegisterForReflection(registerFullHierarchy = true)
public record ReleaseRequest(
        ReleaseHeader release,
        String basedOn,
        List<DocumentInput> documents,
        List<PublicationInput> publications,
        List<IndicatorInput> indicators,
        List<ObservationInput> observations,
        List<RetractionInput> retractions,
        List<DocumentText> documentTexts) {

    public ReleaseRequest {
        documents = documents == null ? List.of() : documents;
        publications = publications == null ? List.of() : publications;
        indicators = indicators == null ? List.of() : indicators;
        observations = observations == null ? List.of() : observations;
        retractions = retractions == null ? List.of() : retractions;
        documentTexts = documentTexts == null ? List.of() : documentTexts;
    }

    public record ReleaseHeader(String id, String description) {
    }

    public record DocumentInput(String id, String fileName, String sha256, OriginalText publisher, OriginalText title,
            List<String> authors, String language, String url, DatePublished published, String note) {
    }

    /**
     * A primary publication. {@code cadence} and {@code nextExpected} are what a source says of its release schedule
     * (left out when none does); they are left out of the content hash when absent, so bodies written before they
     * existed hash as they did.
     */
    public record PublicationInput(String id, OriginalText publisher, OriginalText title, String kind, String url,
            DatePublished published, @JsonInclude(JsonInclude.Include.NON_NULL) String cadence,
            @JsonInclude(JsonInclude.Include.NON_NULL) DatePublished nextExpected) {
    }

    public record IndicatorInput(String id, KoreanEnglish name, KoreanEnglish description, Unit unit,
            String frequency, String valueKind, List<String> topics) {
    }

    /**
     * A quote and where it is in its document: {@code start} and {@code end} count Unicode code points of the
     * document's text (W3C TextPositionSelector), {@code prefix} and {@code suffix} are the text around it (W3C
     * TextQuoteSelector). All four may be left out when the release carries the document's text: they are then
     * found there.
     */
    public record CitationInput(String document, String quote, String prefix, String suffix, Integer start, Integer end,
            String publication) {
    }

    /**
     * A document's full text, carried so that its hash and every quote from it are verified before the release
     * lands. It is never stored or served: publishers keep the right to redistribute their articles.
     */
    public record DocumentText(String document, String text) {
    }

    public record ObservationInput(String indicator, String geo, String period, PeriodBasis periodBasis,
            BigDecimal value, BigDecimal low, BigDecimal high, AsStated asStated, String status, String note,
            String reason, Derivation derivation, List<CitationInput> citations) {
    }

    public record RetractionInput(String indicator, String geo, String period, String reason) {
    }
}
