package io.indicators.source;

import io.agroal.api.AgroalDataSource;
import io.indicators.common.api.OriginalText;
import io.indicators.common.api.Page;
import io.indicators.common.api.QueryParameters;
import io.indicators.common.api.Unit;
import io.indicators.common.catalogue.CatalogueHead;
import io.indicators.common.problem.ApiException;
import io.indicators.source.SourceViews.PublicationRef;
import io.indicators.source.SourceViews.SourceDetail;
import io.indicators.source.SourceViews.SourceSummary;
import io.indicators.source.SourceViews.SourcedValue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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

/** Documents and the current values drawn from them; a fixed number of statements per page. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SourceService {

    /** The current values citing a document; the citation c, version v, observation o and series s are joined. */
    private static final String CURRENT_CITATIONS = """
            from citation c
            join observation_version v on v.id = c.version_id
            join observation o on o.id = v.observation_id
            join series s on s.id = o.series_id
            where v.realtime_start <= ? and (v.realtime_end is null or v.realtime_end > ?) and not v.retracted
            """;
    /** A value's position in a source's list: the citing version and the citation's position in it. */
    private static final Pattern VALUE_POSITION = Pattern.compile("(\\d{1,18})\\|(\\d{1,9})");

    private final DocumentRepository documents;
    private final AgroalDataSource database;
    private final CatalogueHead head;

    SourceService(DocumentRepository documents, AgroalDataSource database, CatalogueHead head) {
        this.documents = documents;
        this.database = database;
        this.head = head;
    }

    public Page<SourceSummary> list(String afterId, int limit) {
        List<Document> page = documents.page(afterId, limit + 1);
        List<String> ids = page.stream().limit(limit).map(d -> d.id).toList();
        OffsetDateTime knownAt = knownAt();
        try (Connection connection = database.getConnection()) {
            Map<String, Integer> counts = valueCounts(connection, ids, knownAt);
            Map<String, List<PublicationRef>> cites = cites(connection, ids, knownAt);
            return Page.of(page, limit, d -> d.id, document -> new SourceSummary(document.id, document.fileName,
                    document.sha256, title(document), publisher(document), Arrays.asList(document.authors),
                    document.language, document.url, SourceViews.date(document.published), document.note,
                    cites.getOrDefault(document.id, List.of()), counts.getOrDefault(document.id, 0)));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read sources", e);
        }
    }

    /** A document with one page of its current values, the most recently published first. */
    public SourceDetail detail(String id, String position, int limit) {
        Document document = documents.findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("No source '" + id + "'"));
        OffsetDateTime knownAt = knownAt();
        // The document's citations newest first (an index range backwards), keeping the current values: the values
        // of the latest releases are current, so a page is found without walking the document's history first.
        String sql = "select s.indicator_id, s.geo, o.period, v.value, v.value_low, v.value_high, i.unit_code,"
                + " i.unit_multiplier, v.status, c.quote, c.publication_id, v.realtime_start, c.version_id, c.position "
                + CURRENT_CITATIONS.replace("where", "join indicator i on i.id = s.indicator_id where")
                + " and c.document_id = ?" + (position == null ? "" : " and (c.version_id, c.position) < (?, ?)")
                + " order by c.version_id desc, c.position desc limit ?";
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int at = 1;
            statement.setObject(at++, knownAt);
            statement.setObject(at++, knownAt);
            statement.setString(at++, id);
            if (position != null) {
                at = bindPosition(statement, at, position);
            }
            statement.setInt(at, limit + 1);
            List<SourcedValue> values = new ArrayList<>();
            String last = null;
            boolean more = false;
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    if (values.size() == limit) {
                        more = true;
                        break;
                    }
                    values.add(new SourcedValue(row.getString(1), row.getString(2), row.getString(3),
                            row.getBigDecimal(4), row.getBigDecimal(5), row.getBigDecimal(6),
                            new Unit(row.getString(7), row.getInt(8)), row.getString(9), row.getString(10),
                            row.getString(11), row.getObject(12, OffsetDateTime.class).toInstant()));
                    last = row.getLong(13) + "|" + row.getInt(14);
                }
            }
            String next = more ? QueryParameters.cursor(last) : null;
            return new SourceDetail(document.id, document.fileName, document.sha256, title(document), publisher(document),
                    Arrays.asList(document.authors), document.language, document.url,
                    SourceViews.date(document.published), document.note,
                    cites(connection, List.of(id), knownAt).getOrDefault(id, List.of()), values, next);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read source " + id, e);
        }
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
                join publication p on p.id = latest.publication_id
                where latest.value_count > 0
                order by latest.document_id, p.id""".formatted(SourceViews.PUBLICATION_REF_COLUMNS, RELEASE_AT))) {
            statement.setArray(1, connection.createArrayOf("text", documentIds.toArray()));
            statement.setObject(2, knownAt);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    cites.computeIfAbsent(row.getString(1), d -> new ArrayList<>()).add(SourceViews.publicationRef(row, 2));
                }
            }
        }
        return cites;
    }

    private OffsetDateTime knownAt() {
        Instant releasedAt = head.current().releasedAt();
        return (releasedAt == null ? Instant.now() : releasedAt).atOffset(ZoneOffset.UTC);
    }

    private static OriginalText title(Document document) {
        return new OriginalText(document.titleOriginal, document.titleEn);
    }

    private static OriginalText publisher(Document document) {
        return new OriginalText(document.publisherOriginal, document.publisherEn);
    }
}
