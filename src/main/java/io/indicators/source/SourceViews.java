package io.indicators.source;

import io.indicators.common.api.DatePublished;
import io.indicators.common.api.OriginalText;
import io.indicators.common.api.Unit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** A document with one page of its current values; {@code next} is the cursor of the following page. */
    public record SourceDetail(String id, String fileName, String sha256, OriginalText title, OriginalText publisher,
            List<String> authors, String language, String url, DatePublished published, String note,
            List<PublicationRef> cites, List<SourcedValue> values, String next) {
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

    /** A document reference from ten columns from {@code at}: id, file name, title (2), publisher (2), date (4). */
    public static DocumentRef documentRef(ResultSet row, int at) throws SQLException {
        return new DocumentRef(row.getString(at), row.getString(at + 1),
                new OriginalText(row.getString(at + 2), row.getString(at + 3)),
                new OriginalText(row.getString(at + 4), row.getString(at + 5)), date(row, at + 6));
    }

    /**
     * A publication reference from eleven columns from {@code at}: id, title (2), publisher (2), kind, url, date (4);
     * null when the id is null (a left join found none).
     */
    public static PublicationRef publicationRef(ResultSet row, int at) throws SQLException {
        String id = row.getString(at);
        return id == null ? null : new PublicationRef(id, new OriginalText(row.getString(at + 1), row.getString(at + 2)),
                new OriginalText(row.getString(at + 3), row.getString(at + 4)), row.getString(at + 5),
                row.getString(at + 6), date(row, at + 7));
    }

    /** The columns {@link #documentRef} reads, of a document aliased {@code d}. */
    public static final String DOCUMENT_REF_COLUMNS = "d.id, d.file_name, d.title_original, d.title_en,"
            + " d.publisher_original, d.publisher_en, d.published_date, d.published_precision, d.published_basis,"
            + " d.published_evidence";

    /** The columns {@link #publicationRef} reads, of a publication aliased {@code p}. */
    public static final String PUBLICATION_REF_COLUMNS = "p.id, p.title_original, p.title_en, p.publisher_original,"
            + " p.publisher_en, p.kind, p.url, p.published_date, p.published_precision, p.published_basis,"
            + " p.published_evidence";

    private static DatePublished date(ResultSet row, int at) throws SQLException {
        return new DatePublished(row.getString(at), row.getString(at + 1), row.getString(at + 2), row.getString(at + 3));
    }

    static DatePublished date(PublishedDate date) {
        return new DatePublished(date.date, date.precision, date.basis, date.evidence);
    }
}
