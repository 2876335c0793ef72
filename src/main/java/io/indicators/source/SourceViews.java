package io.indicators.source;

import io.indicators.common.api.DatePublished;
import io.indicators.common.api.OriginalText;
import io.indicators.common.api.Unit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The wire shapes of {@code /v1/sources}. */
public final class SourceViews {

    private SourceViews() {
    }

    public record DocumentRef(String id, String fileName, OriginalText title, OriginalText publisher, DatePublished published) {
    }

    public record PublicationRef(String id, OriginalText title, OriginalText publisher, String kind, String url,
            DatePublished published) {
    }

    public record SourceSummary(String id, String fileName, String sha256, OriginalText title, OriginalText publisher,
            List<String> authors, String language, String url, DatePublished published, String note,
            List<PublicationRef> cites, int valueCount) {
    }

    /** A current value drawn from a document, with the quote that states it. */
    public record SourcedValue(String indicator, String geo, String period, BigDecimal value, BigDecimal low,
            BigDecimal high, Unit unit, String status, String quote, String publication, Instant realtimeStart) {
    }

    public record SourceDetail(String id, String fileName, String sha256, OriginalText title, OriginalText publisher,
            List<String> authors, String language, String url, DatePublished published, String note,
            List<PublicationRef> cites, List<SourcedValue> values) {
    }

    public static DocumentRef ref(Document document) {
        return new DocumentRef(document.id, document.fileName,
                new OriginalText(document.titleOriginal, document.titleEn),
                new OriginalText(document.publisherOriginal, document.publisherEn), date(document.published));
    }

    public static PublicationRef ref(Publication publication) {
        return publication == null ? null : new PublicationRef(publication.id,
                new OriginalText(publication.titleOriginal, publication.titleEn),
                new OriginalText(publication.publisherOriginal, publication.publisherEn), publication.kind,
                publication.url, date(publication.published));
    }

    static DatePublished date(PublishedDate date) {
        return new DatePublished(date.date, date.precision, date.basis, date.evidence);
    }
}
