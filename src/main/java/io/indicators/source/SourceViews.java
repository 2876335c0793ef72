package io.indicators.source;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.indicators.common.api.AsStated;
import io.indicators.common.api.DatePublished;
import io.indicators.common.api.OriginalText;
import io.indicators.common.api.Selectors;
import io.indicators.common.api.Unit;
import io.indicators.common.api.Verification;

/** The wire shapes of {@code /v1/sources}, and how documents, publications and quotes are read from SQL rows. */
public final class SourceViews {

    private SourceViews() {
    }

    public record DocumentRef(String id, String fileName, String sha256, OriginalText title, OriginalText publisher,
            DatePublished published) {
    }

    public record PublicationRef(String id, OriginalText title, OriginalText publisher, String kind, String url,
            DatePublished published) {
    }

    /**
     * A primary publication as the catalogue's sources describe it, with its release schedule where a source states
     * or implies one ({@code cadence}, {@code nextExpected}; null when none does), and how many current values cite it.
     */
    public record PublicationDetail(String id, OriginalText title, OriginalText publisher, String kind, String url,
            DatePublished published, String cadence,
            @JsonInclude(JsonInclude.Include.NON_NULL) DatePublished nextExpected, Instant describedAt, int valueCount) {
    }

    /** The publications whose next edition is expected, as an iCalendar feed; see {@link Calendar}. */
    public record ReleaseCalendar(List<PublicationDetail> publications) {
    }

    public record SourceSummary(String id, String fileName, String sha256, OriginalText title, OriginalText publisher,
            List<String> authors, String language, String url, DatePublished published, String note,
            List<PublicationRef> cites, int valueCount) {
    }

    /** A current value drawn from a document, with the quote that states it and where it is in the document. */
    public record SourcedValue(String indicator, String geo, String period, BigDecimal value, BigDecimal low,
            BigDecimal high, @JsonInclude(JsonInclude.Include.NON_NULL) AsStated asStated, Unit unit, String status,
            String quote, Selectors selectors, Verification verification, String publication, Instant realtimeStart) {
    }

    /** A document with one page of its current values; {@code next} is the cursor of the following page. */
    public record SourceDetail(String id, String fileName, String sha256, OriginalText title, OriginalText publisher,
            List<String> authors, String language, String url, DatePublished published, String note,
            List<PublicationRef> cites, List<SourcedValue> values, String next) {
    }

    /** The columns {@link #documentRef} reads, of a document version aliased {@code d}. */
    public static final String DOCUMENT_REF_COLUMNS = "d.id, d.file_name, d.sha256, d.title_original, d.title_en,"
            + " d.publisher_original, d.publisher_en, d.published_date, d.published_precision, d.published_basis,"
            + " d.published_evidence";
    public static final int DOCUMENT_REF_COLUMN_COUNT = 11;

    /** The columns {@link #publicationRef} reads, of a publication version aliased {@code p}. */
    public static final String PUBLICATION_REF_COLUMNS = "p.id, p.title_original, p.title_en, p.publisher_original,"
            + " p.publisher_en, p.kind, p.url, p.published_date, p.published_precision, p.published_basis,"
            + " p.published_evidence";

    /** The columns {@link #selectors} and then {@link #verification} read, of a citation aliased {@code c}. */
    public static final String CITATION_COLUMNS = "c.quote, c.prefix, c.suffix, c.start_position, c.end_position,"
            + " c.verified_at, c.verified_sha256";
    public static final int CITATION_COLUMN_COUNT = 7;

    /** A document reference from {@value #DOCUMENT_REF_COLUMN_COUNT} columns from {@code at}. */
    public static DocumentRef documentRef(ResultSet row, int at) throws SQLException {
        return new DocumentRef(row.getString(at), row.getString(at + 1), row.getString(at + 2),
                new OriginalText(row.getString(at + 3), row.getString(at + 4)),
                new OriginalText(row.getString(at + 5), row.getString(at + 6)), date(row, at + 7));
    }

    /**
     * A publication reference from eleven columns from {@code at}: id, title (2), publisher (2), kind, url, date (4);
     * null when the id is null (a left join found none).
     */
    public static PublicationRef publicationRef(ResultSet row, int at) throws SQLException {
        String id = row.getString(at);
        return id == null ? null
                : new PublicationRef(id, new OriginalText(row.getString(at + 1), row.getString(at + 2)),
                        new OriginalText(row.getString(at + 3), row.getString(at + 4)), row.getString(at + 5),
                        row.getString(at + 6), date(row, at + 7));
    }

    /** The quote's selectors from the {@link #CITATION_COLUMNS} starting at {@code at} (the quote). */
    public static Selectors selectors(ResultSet row, int at) throws SQLException {
        return Selectors.of(row.getString(at), row.getString(at + 1), row.getString(at + 2), row.getInt(at + 3),
                row.getInt(at + 4));
    }

    /** The quote's verification from the {@link #CITATION_COLUMNS} starting at {@code at} (the quote). */
    public static Verification verification(ResultSet row, int at) throws SQLException {
        OffsetDateTime checkedAt = row.getObject(at + 5, OffsetDateTime.class);
        return Verification.of(checkedAt == null ? null : checkedAt.toInstant(), row.getString(at + 6));
    }

    static DatePublished date(ResultSet row, int at) throws SQLException {
        return new DatePublished(row.getString(at), row.getString(at + 1), row.getString(at + 2), row.getString(at + 3));
    }
}
