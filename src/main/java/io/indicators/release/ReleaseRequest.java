package io.indicators.release;

import io.indicators.common.api.DatePublished;
import io.indicators.common.api.KoreanEnglish;
import io.indicators.common.api.OriginalText;
import io.indicators.common.api.Unit;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.math.BigDecimal;
import java.util.List;

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
        List<RetractionInput> retractions) {

    public ReleaseRequest {
        documents = documents == null ? List.of() : documents;
        publications = publications == null ? List.of() : publications;
        indicators = indicators == null ? List.of() : indicators;
        observations = observations == null ? List.of() : observations;
        retractions = retractions == null ? List.of() : retractions;
    }

    public record ReleaseHeader(String id, String description) {
    }

    public record DocumentInput(String id, String fileName, String sha256, OriginalText publisher, OriginalText title,
            List<String> authors, String language, String url, DatePublished published, String note) {
    }

    public record PublicationInput(String id, OriginalText publisher, OriginalText title, String kind, String url,
            DatePublished published) {
    }

    public record IndicatorInput(String id, KoreanEnglish name, KoreanEnglish description, Unit unit,
            String frequency, String valueKind, List<String> topics) {
    }

    public record CitationInput(String document, String quote, String publication) {
    }

    public record SeriesPoint(String indicator, String geo, String period) {
    }

    public record Derivation(String operation, List<SeriesPoint> inputs) {
    }

    public record ObservationInput(String indicator, String geo, String period, BigDecimal value, BigDecimal low,
            BigDecimal high, String status, String note, String reason, Derivation derivation,
            List<CitationInput> citations) {
    }

    public record RetractionInput(String indicator, String geo, String period, String reason) {
    }
}
