package io.indicators.source;

import io.agroal.api.AgroalDataSource;
import io.indicators.common.api.OriginalText;
import io.indicators.common.api.Page;
import io.indicators.common.api.QueryParameters;
import io.indicators.common.api.Unit;
import io.indicators.common.catalogue.CatalogueHead;
import io.indicators.common.period.InvalidPeriodException;
import io.indicators.common.period.ReferencePeriod;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;
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
    /** A value's position in a source's list: indicator, geo, period, citation position. */
    private static final Pattern VALUE_POSITION = Pattern.compile("([^|]+)\\|([^|]+)\\|([^|]+)\\|(\\d{1,9})");

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

    /** A document with one page of its current values, ordered by indicator, geo, period and citation. */
    public SourceDetail detail(String id, String position, int limit) {
        Document document = documents.findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("No source '" + id + "'"));
        OffsetDateTime knownAt = knownAt();
        String sql = "select s.indicator_id, s.geo, o.period, v.value, v.value_low, v.value_high, i.unit_code,"
                + " i.unit_multiplier, v.status, c.quote, c.publication_id, v.realtime_start, c.position "
                + CURRENT_CITATIONS.replace("where", "join indicator i on i.id = s.indicator_id where")
                + " and c.document_id = ?"
                + (position == null ? "" : " and (s.indicator_id, s.geo, o.period_start, o.period_end, o.period, c.position)"
                        + " > (?, ?, ?, ?, ?, ?)")
                + " order by s.indicator_id, s.geo, o.period_start, o.period_end, o.period, c.position limit ?";
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
                    last = row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3) + "|" + row.getInt(13);
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
        ReferencePeriod period = null;
        if (parts.matches()) {
            try {
                period = ReferencePeriod.parse(parts.group(3));
            } catch (InvalidPeriodException e) {
                // reported below
            }
        }
        if (period == null) {
            throw ApiException.badParameter("cursor", "cursor is not one this API returned; start again without it");
        }
        statement.setString(at, parts.group(1));
        statement.setString(at + 1, parts.group(2));
        statement.setObject(at + 2, period.start());
        statement.setObject(at + 3, period.end());
        statement.setString(at + 4, period.text());
        statement.setInt(at + 5, Integer.parseInt(parts.group(4)));
        return at + 6;
    }

    private static Map<String, Integer> valueCounts(Connection connection, List<String> documentIds,
            OffsetDateTime knownAt) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("select c.document_id, count(distinct v.id) "
                + CURRENT_CITATIONS + " and c.document_id = any (?) group by c.document_id")) {
            statement.setObject(1, knownAt);
            statement.setObject(2, knownAt);
            statement.setArray(3, connection.createArrayOf("text", documentIds.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    counts.put(row.getString(1), row.getInt(2));
                }
            }
        }
        return counts;
    }

    /**
     * The publications each document's current values are attributed to, in the order the values list them
     * (indicator, geo, period, citation), in two statements for any number of documents.
     */
    private static Map<String, List<PublicationRef>> cites(Connection connection, List<String> documentIds,
            OffsetDateTime knownAt) throws SQLException {
        Map<String, SequencedSet<String>> ids = new HashMap<>();
        SequencedSet<String> all = new LinkedHashSet<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.document_id, c.publication_id,
                       min(s.indicator_id || chr(1) || s.geo || chr(1) || o.period_start || chr(1) || o.period_end
                           || chr(1) || o.period || chr(1) || lpad(c.position::text, 9, '0')) as first_cited
                """ + CURRENT_CITATIONS + """
                 and c.document_id = any (?) and c.publication_id is not null
                group by c.document_id, c.publication_id
                order by c.document_id, first_cited""")) {
            statement.setObject(1, knownAt);
            statement.setObject(2, knownAt);
            statement.setArray(3, connection.createArrayOf("text", documentIds.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ids.computeIfAbsent(row.getString(1), d -> new LinkedHashSet<>()).add(row.getString(2));
                    all.add(row.getString(2));
                }
            }
        }
        Map<String, PublicationRef> refs = new HashMap<>();
        if (!all.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select " + SourceViews.PUBLICATION_REF_COLUMNS + " from publication p where p.id = any (?)")) {
                statement.setArray(1, connection.createArrayOf("text", all.toArray()));
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        refs.put(row.getString(1), SourceViews.publicationRef(row, 1));
                    }
                }
            }
        }
        Map<String, List<PublicationRef>> cites = new HashMap<>();
        ids.forEach((document, publications) -> cites.put(document, publications.stream().map(refs::get).toList()));
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
