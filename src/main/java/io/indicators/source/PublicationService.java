package io.indicators.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.indicators.common.api.DatePublished;
import io.indicators.common.api.OriginalText;
import io.indicators.common.api.Page;
import io.indicators.common.catalogue.CatalogueHead;
import io.indicators.common.catalogue.CatalogueReads;
import io.indicators.common.problem.ApiException;
import io.indicators.source.SourceViews.PublicationDetail;
import io.indicators.source.SourceViews.ReleaseCalendar;

/** The primary publications the catalogue's documents cite, as described at an instant, and their release calendar. */
@ApplicationScoped
public class PublicationService {

    /** The most editions one calendar lists: a calendar client reads the whole feed at once. */
    static final int MAX_CALENDAR = 1_000;
    /**
     * A publication's columns and how many values current at the instant cite it, in one statement. The count is read
     * from the per-release counts a publish keeps for each document and publication (document_publication_vintage,
     * V2), the newest for each document by then, so listing costs the same at a million values as at a thousand.
     */
    private static final String COLUMNS = """
            select p.id, p.title_original, p.title_en, p.publisher_original, p.publisher_en, p.kind, p.url,
                   p.published_date, p.published_precision, p.published_basis, p.published_evidence, p.cadence,
                   p.next_expected_date, p.next_expected_precision, p.next_expected_basis, p.next_expected_evidence,
                   p.realtime_start,
                   (select coalesce(sum(latest.value_count), 0) from (
                        select distinct on (d.document_id) d.value_count from document_publication_vintage d
                        where d.publication_id = p.id
                          and d.release_seq <= (select max(seq) from release where released_at <= ?)
                        order by d.document_id, d.release_seq desc) latest) as value_count
            from publication_at(?) p
            """;

    private final CatalogueReads database;
    private final CatalogueHead head;

    PublicationService(CatalogueReads database, CatalogueHead head) {
        this.database = database;
        this.head = head;
    }

    public Page<PublicationDetail> list(String afterId, int limit, Instant asOf) {
        List<PublicationDetail> page = read(COLUMNS + " where p.id > ? order by p.id limit ?", asOf,
                afterId == null ? "" : afterId, limit + 1);
        return Page.of(page, limit, PublicationDetail::id, publication -> publication);
    }

    public PublicationDetail detail(String id, Instant asOf) {
        return find(id, asOf).orElseThrow(() -> ApiException.notFound("No publication '" + id + "'"));
    }

    /** The publication as described at the instant; empty when it was not in the catalogue then. */
    public Optional<PublicationDetail> find(String id, Instant asOf) {
        return read(COLUMNS + " where p.id = ?", asOf, id).stream().findFirst();
    }

    /** The publications with an expected next edition, soonest first. */
    public ReleaseCalendar calendar(Instant asOf) {
        return new ReleaseCalendar(read(COLUMNS + """
                 where p.next_expected_date is not null and p.next_expected_basis <> 'unknown'
                order by p.next_expected_date, p.id limit ?""", asOf, MAX_CALENDAR));
    }

    private List<PublicationDetail> read(String sql, Instant asOf, Object... parameters) {
        OffsetDateTime knownAt = head.knownAt(asOf).atOffset(ZoneOffset.UTC);
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, knownAt);
            statement.setObject(2, knownAt);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(3 + i, parameters[i]);
            }
            List<PublicationDetail> publications = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    publications.add(publication(row));
                }
            }
            return publications;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read publications", e);
        }
    }

    private static PublicationDetail publication(ResultSet row) throws SQLException {
        DatePublished nextExpected = row.getString("next_expected_basis") == null ? null : SourceViews.date(row, 13);
        return new PublicationDetail(row.getString("id"),
                new OriginalText(row.getString("title_original"), row.getString("title_en")),
                new OriginalText(row.getString("publisher_original"), row.getString("publisher_en")),
                row.getString("kind"), row.getString("url"), SourceViews.date(row, 8), row.getString("cadence"),
                nextExpected, row.getObject("realtime_start", OffsetDateTime.class).toInstant(),
                row.getInt("value_count"));
    }
}
