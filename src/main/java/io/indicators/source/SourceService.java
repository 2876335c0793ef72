package io.indicators.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.indicators.common.api.AsStated;
import io.indicators.common.api.DatePublished;
import io.indicators.common.api.OriginalText;
import io.indicators.common.api.Page;
import io.indicators.common.api.QueryParameters;
import io.indicators.common.api.Unit;
import io.indicators.common.catalogue.CatalogueHead;
import io.indicators.common.catalogue.CatalogueReads;
import io.indicators.common.problem.ApiException;
import io.indicators.source.SourceViews.PublicationRef;
import io.indicators.source.SourceViews.SourceDetail;
import io.indicators.source.SourceViews.SourceSummary;
import io.indicators.source.SourceViews.SourcedValue;

/** Documents and the values drawn from them, as known at an instant; a fixed number of statements per page. */
@ApplicationScoped
public class SourceService {

    /** The values current at an instant citing a document; the citation c, version v, observation o, series s. */
    private static final String CURRENT_CITATIONS = """
            from citation c
            join observation_version v on v.id = c.version_id
            join observation o on o.id = v.observation_id
            join series s on s.id = o.series_id
            where v.realtime_start <= ? and coalesce(v.realtime_end, 'infinity') > ? and not v.retracted
            """;
    /** A document version aliased d, everything a source's summary and detail show. */
    private static final String DOCUMENT_COLUMNS = "d.id, d.file_name, d.sha256, d.title_original, d.title_en,"
            + " d.publisher_original, d.publisher_en, d.authors, d.language, d.url, d.published_date,"
            + " d.published_precision, d.published_basis, d.published_evidence, d.note";
    /** A value's position in a source's list: the citing version and the citation's position in it. */
    private static final Pattern VALUE_POSITION = Pattern.compile("(\\d{1,18})\\|(\\d{1,9})");

    private final CatalogueReads database;
    private final CatalogueHead head;

    SourceService(CatalogueReads database, CatalogueHead head) {
        this.database = database;
        this.head = head;
    }

    /** A document as described at an instant. */
    private record Described(String id, String fileName, String sha256, OriginalText title, OriginalText publisher,
            List<String> authors, String language, String url, DatePublished published, String note) {
    }

    public Page<SourceSummary> list(String afterId, int limit, Instant asOf) {
        OffsetDateTime knownAt = head.knownAt(asOf).atOffset(ZoneOffset.UTC);
        try (Connection connection = database.connection()) {
            List<Described> page = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("select " + DOCUMENT_COLUMNS
                    + " from document_at(?) d where d.id > ? order by d.id limit ?")) {
                statement.setObject(1, knownAt);
                statement.setString(2, afterId == null ? "" : afterId);
                statement.setInt(3, limit + 1);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        page.add(document(row));
                    }
                }
            }
            List<String> ids = page.stream().limit(limit).map(Described::id).toList();
            Map<String, Integer> counts = valueCounts(connection, ids, knownAt);
            Map<String, List<PublicationRef>> cites = cites(connection, ids, knownAt);
            return Page.of(page, limit, Described::id, document -> new SourceSummary(document.id(), document.fileName(),
                    document.sha256(), document.title(), document.publisher(), document.authors(), document.language(),
                    document.url(), document.published(), document.note(), cites.getOrDefault(document.id(), List.of()),
                    counts.getOrDefault(document.id(), 0)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read sources", e);
        }
    }

    /** A document with one page of the values that cite it, the most recently published first. */
    public SourceDetail detail(String id, String position, int limit, Instant asOf) {
        OffsetDateTime knownAt = head.knownAt(asOf).atOffset(ZoneOffset.UTC);
        // The document's citations newest first (an index range backwards), keeping the current values: the values
        // of the latest releases are current, so a page is found without walking the document's history first.
        String sql = "select s.indicator_id, s.geo, o.period, v.value, v.value_low, v.value_high, i.unit_code,"
                + " v.status, c.publication_id, v.realtime_start, c.version_id, c.position, v.as_stated_text,"
                + " v.as_stated_number, v.as_stated_low, v.as_stated_high, v.as_stated_multiplier, "
                + SourceViews.CITATION_COLUMNS + " "
                + CURRENT_CITATIONS.replace("where", "join indicator_at(?) i on i.id = s.indicator_id where")
                + " and c.document_id = ?" + (position == null ? "" : " and (c.version_id, c.position) < (?, ?)")
                + " order by c.version_id desc, c.position desc limit ?";
        try (Connection connection = database.connection()) {
            Described document;
            try (PreparedStatement statement = connection.prepareStatement(
                    "select " + DOCUMENT_COLUMNS + " from document_at(?) d where d.id = ?")) {
                statement.setObject(1, knownAt);
                statement.setString(2, id);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        throw ApiException.notFound("No source '" + id + "'");
                    }
                    document = document(row);
                }
            }
            List<SourcedValue> values = new ArrayList<>();
            String last = null;
            boolean more = false;
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int at = 1;
                statement.setObject(at++, knownAt);
                statement.setObject(at++, knownAt);
                statement.setObject(at++, knownAt);
                statement.setString(at++, id);
                if (position != null) {
                    at = bindPosition(statement, at, position);
                }
                statement.setInt(at, limit + 1);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        if (values.size() == limit) {
                            more = true;
                            break;
                        }
                        String statedText = row.getString(13);
                        AsStated asStated = statedText == null ? null
                                : new AsStated(statedText, row.getBigDecimal(14),
                                        row.getBigDecimal(15), row.getBigDecimal(16), row.getInt(17));
                        values.add(new SourcedValue(row.getString(1), row.getString(2), row.getString(3),
                                row.getBigDecimal(4), row.getBigDecimal(5), row.getBigDecimal(6), asStated,
                                new Unit(row.getString(7)), row.getString(8), row.getString(18),
                                SourceViews.selectors(row, 18), SourceViews.verification(row, 18), row.getString(9),
                                row.getObject(10, OffsetDateTime.class).toInstant()));
                        last = row.getLong(11) + "|" + row.getInt(12);
                    }
                }
            }
            String next = more ? QueryParameters.cursor(last) : null;
            return new SourceDetail(document.id(), document.fileName(), document.sha256(), document.title(),
                    document.publisher(), document.authors(), document.language(), document.url(), document.published(),
                    document.note(), cites(connection, List.of(id), knownAt).getOrDefault(id, List.of()), values, next);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read source " + id, e);
        }
    }

    private static Described document(ResultSet row) throws SQLException {
        return new Described(row.getString(1), row.getString(2), row.getString(3),
                new OriginalText(row.getString(4), row.getString(5)), new OriginalText(row.getString(6), row.getString(7)),
                Arrays.asList((String[]) row.getArray(8).getArray()), row.getString(9), row.getString(10),
                SourceViews.date(row, 11), row.getString(15));
    }

    private static int bindPosition(PreparedStatement statement, int at, String position) throws SQLException {
        var parts = VALUE_POSITION.matcher(position);
        if (!parts.matches()) {
            throw ApiException.badParameter("cursor", "cursor is not one this API returned; start again without it");
        }
        statement.setLong(at, Long.parseLong(parts.group(1)));
        statement.setInt(at + 1, Integer.parseInt(parts.group(2)));
        return at + 2;
    }

    /** The release current at an instant, as the document counts are kept by release. */
    private static final String RELEASE_AT = "(select max(seq) from release where released_at <= ?)";

    private static Map<String, Integer> valueCounts(Connection connection, List<String> documentIds,
            OffsetDateTime knownAt) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select distinct on (document_id) document_id, value_count from document_vintage
                where document_id = any (?) and release_seq <=\s""" + RELEASE_AT + """
                order by document_id, release_seq desc""")) {
            statement.setArray(1, connection.createArrayOf("text", documentIds.toArray()));
            statement.setObject(2, knownAt);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), row.getInt(2));
                }
            }
        }
        return counts;
    }

    /**
     * The publications each document's current values are attributed to, by id, in two statements for any number of
     * documents.
     */
    private static Map<String, List<PublicationRef>> cites(Connection connection, List<String> documentIds,
            OffsetDateTime knownAt) throws SQLException {
        Map<String, List<PublicationRef>> cites = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select latest.document_id, %s
                from (select distinct on (document_id, publication_id) document_id, publication_id, value_count
                      from document_publication_vintage
                      where document_id = any (?) and release_seq <= %s
                      order by document_id, publication_id, release_seq desc) latest
                join publication_at(?) p on p.id = latest.publication_id
                where latest.value_count > 0
                order by latest.document_id, p.id""".formatted(SourceViews.PUBLICATION_REF_COLUMNS, RELEASE_AT))) {
            statement.setArray(1, connection.createArrayOf("text", documentIds.toArray()));
            statement.setObject(2, knownAt);
            statement.setObject(3, knownAt);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    cites.computeIfAbsent(row.getString(1), d -> new ArrayList<>()).add(SourceViews.publicationRef(row, 2));
                }
            }
        }
        return cites;
    }
}
