package io.indicators.indicator;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.indicators.common.api.KoreanEnglish;
import io.indicators.common.api.Page;
import io.indicators.common.api.Unit;
import io.indicators.common.catalogue.CatalogueHead;
import io.indicators.common.catalogue.CatalogueReads;
import io.indicators.common.problem.ApiException;
import io.indicators.indicator.IndicatorViews.IndicatorDetail;
import io.indicators.indicator.IndicatorViews.IndicatorSummary;
import io.indicators.indicator.IndicatorViews.SeriesSummary;
import io.indicators.source.SourceViews;
import io.indicators.source.SourceViews.DocumentRef;
import io.indicators.source.SourceViews.PublicationRef;

@ApplicationScoped
public class IndicatorService {

    /** The columns {@link #indicator} reads, of an indicator version aliased {@code i}. */
    private static final String INDICATOR_COLUMNS = "i.id, i.name_ko, i.name_en, i.description_ko, i.description_en,"
            + " i.unit_code, i.frequency, i.value_kind, i.topics";

    private final CatalogueReads database;
    private final CatalogueHead head;

    IndicatorService(CatalogueReads database, CatalogueHead head) {
        this.database = database;
        this.head = head;
    }

    /** An indicator as described at an instant, without its series. */
    private record Described(String id, KoreanEnglish name, KoreanEnglish description, Unit unit, String frequency,
            String valueKind, List<String> topics) {
    }

    /**
     * Two statements a page: the indicators as described at the instant asked about (filtered by topic, geography
     * and free text, after the cursor), then the geographies of all of them known by then.
     */
    public Page<IndicatorSummary> search(String topic, String geo, String text, String afterId, int limit, Instant asOf) {
        OffsetDateTime knownAt = head.knownAt(asOf).atOffset(ZoneOffset.UTC);
        List<String> where = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        parameters.add(knownAt);
        if (topic != null) {
            where.add("? = any (i.topics)");
            parameters.add(topic);
        }
        if (geo != null) {
            where.add("exists (select from series s where s.indicator_id = i.id and s.geo = ? and s.known_since <= ?)");
            parameters.add(geo);
            parameters.add(knownAt);
        }
        if (text != null) {
            where.add("(lower(i.name_en) like ? or lower(i.name_ko) like ? or lower(i.description_en) like ?"
                    + " or lower(i.description_ko) like ? or i.id like ?)");
            String pattern = "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            for (int i = 0; i < 5; i++) {
                parameters.add(pattern);
            }
        }
        if (afterId != null) {
            where.add("i.id > ?");
            parameters.add(afterId);
        }
        parameters.add(limit + 1);
        String sql = "select " + INDICATOR_COLUMNS + " from indicator_at(?) i"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where)) + " order by i.id limit ?";
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<Described> found = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(indicator(row));
                }
            }
            Map<String, List<String>> geos = geos(connection, found.stream().limit(limit).map(Described::id).toList(), knownAt);
            return Page.of(found, limit, Described::id, indicator -> new IndicatorSummary(indicator.id(),
                    indicator.name(), indicator.description(), indicator.unit(), indicator.frequency(),
                    indicator.valueKind(), indicator.topics(), geos.getOrDefault(indicator.id(), List.of())));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot search indicators", e);
        }
    }

    /**
     * Metadata, each series' span of current values and the sources they cite, as known at the instant asked about,
     * in a fixed number of statements however many values the indicator has.
     */
    public IndicatorDetail detail(String id, Instant asOf) {
        OffsetDateTime knownAt = head.knownAt(asOf).atOffset(ZoneOffset.UTC);
        String current = """
                from series s
                join observation o on o.series_id = s.id
                join observation_version v on v.observation_id = o.id
                where s.indicator_id = ? and v.realtime_start <= ? and coalesce(v.realtime_end, 'infinity') > ?
                  and not v.retracted""";
        try (Connection connection = database.connection()) {
            Described indicator;
            try (PreparedStatement statement = connection.prepareStatement(
                    "select " + INDICATOR_COLUMNS + " from indicator_at(?) i where i.id = ?")) {
                statement.setObject(1, knownAt);
                statement.setString(2, id);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        throw ApiException.notFound("No indicator '" + id + "'");
                    }
                    indicator = indicator(row);
                }
            }
            List<SeriesSummary> series = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select s.geo,
                           (array_agg(o.period order by o.period_start, o.period_end))[1],
                           (array_agg(o.period order by o.period_start desc, o.period_end desc))[1],
                           count(*)
                    """ + current + " group by s.geo order by s.geo")) {
                bind(statement, 1, id, knownAt);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        series.add(new SeriesSummary(row.getString(1), row.getString(2), row.getString(3), row.getInt(4)));
                    }
                }
            }
            // Sources in the order the values cite them, as the observations read lists them: each document and
            // publication pair once, at its first citation, so a thousand values citing one article are one row.
            Map<String, DocumentRef> documents = new LinkedHashMap<>();
            Map<String, PublicationRef> publications = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("select " + SourceViews.DOCUMENT_REF_COLUMNS
                    + ", " + SourceViews.PUBLICATION_REF_COLUMNS + " " + """
                            from (select distinct on (c.document_id, c.publication_id)
                                          c.document_id, c.publication_id, s.geo, o.period_start, o.period_end,
                                          v.realtime_start, c.position
                                   """ + current.replace("where", "join citation c on c.version_id = v.id\nwhere")
                    + """
                                    order by c.document_id, c.publication_id, s.geo, o.period_start, o.period_end,
                                             v.realtime_start, c.position) first_cited
                            join document_at(?) d on d.id = first_cited.document_id
                            left join publication_at(?) p on p.id = first_cited.publication_id
                            order by first_cited.geo, first_cited.period_start, first_cited.period_end, first_cited.realtime_start,
                                     first_cited.position""")) {
                bind(statement, 1, id, knownAt);
                statement.setObject(4, knownAt);
                statement.setObject(5, knownAt);
                try (ResultSet row = statement.executeQuery()) {
                    int publication = 1 + SourceViews.DOCUMENT_REF_COLUMN_COUNT;
                    while (row.next()) {
                        documents.putIfAbsent(row.getString(1), SourceViews.documentRef(row, 1));
                        if (row.getString(publication) != null) {
                            publications.putIfAbsent(row.getString(publication), SourceViews.publicationRef(row, publication));
                        }
                    }
                }
            }
            return new IndicatorDetail(indicator.id(), indicator.name(), indicator.description(), indicator.unit(),
                    indicator.frequency(), indicator.valueKind(), indicator.topics(), series,
                    List.copyOf(documents.values()), List.copyOf(publications.values()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read indicator " + id, e);
        }
    }

    private static void bind(PreparedStatement statement, int at, String id, Object knownAt) throws SQLException {
        statement.setString(at, id);
        statement.setObject(at + 1, knownAt);
        statement.setObject(at + 2, knownAt);
    }

    private static Described indicator(ResultSet row) throws SQLException {
        String descriptionKo = row.getString(4);
        String descriptionEn = row.getString(5);
        return new Described(row.getString(1), new KoreanEnglish(row.getString(2), row.getString(3)),
                descriptionKo == null && descriptionEn == null ? null : new KoreanEnglish(descriptionKo, descriptionEn),
                new Unit(row.getString(6)), row.getString(7), row.getString(8),
                Arrays.asList((String[]) row.getArray(9).getArray()));
    }

    private static Map<String, List<String>> geos(Connection connection, List<String> indicatorIds, OffsetDateTime knownAt)
            throws SQLException {
        Map<String, List<String>> geos = new HashMap<>();
        if (indicatorIds.isEmpty()) {
            return geos;
        }
        // One index probe per indicator of the page: the series table grows with the catalogue, the page does not
        // (a filter on indicator_id = any (?) read all of it, 0.27 ms at 1M value versions).
        try (PreparedStatement statement = connection.prepareStatement("""
                select wanted.id, g.geo from unnest(?::text[]) wanted(id)
                cross join lateral (select s.geo from series s where s.indicator_id = wanted.id and s.known_since <= ?
                                    order by s.geo) g
                order by wanted.id, g.geo""")) {
            statement.setArray(1, connection.createArrayOf("text", indicatorIds.toArray()));
            statement.setObject(2, knownAt);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    geos.computeIfAbsent(row.getString(1), i -> new ArrayList<>()).add(row.getString(2));
                }
            }
            return geos;
        }
    }
}
