package io.indicators.indicator;

import io.agroal.api.AgroalDataSource;
import io.indicators.common.api.KoreanEnglish;
import io.indicators.common.api.Page;
import io.indicators.common.catalogue.CatalogueHead;
import io.indicators.common.problem.ApiException;
import io.indicators.indicator.IndicatorViews.IndicatorDetail;
import io.indicators.indicator.IndicatorViews.IndicatorSummary;
import io.indicators.indicator.IndicatorViews.SeriesSummary;
import io.indicators.observation.ObservationService;
import io.indicators.source.SourceViews;
import io.indicators.source.SourceViews.DocumentRef;
import io.indicators.source.SourceViews.PublicationRef;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class IndicatorService {

    private final IndicatorRepository indicators;
    private final AgroalDataSource database;
    private final CatalogueHead head;

    IndicatorService(IndicatorRepository indicators, AgroalDataSource database, CatalogueHead head) {
        this.indicators = indicators;
        this.database = database;
        this.head = head;
    }

    /** Two statements a page: the indicators, then the geographies of all of them. */
    public Page<IndicatorSummary> search(String topic, String geo, String text, String afterId, int limit) {
        List<Indicator> found = indicators.search(topic, geo, text, afterId, limit + 1);
        Map<String, List<String>> geos = geos(found.stream().limit(limit).map(i -> i.id).toList());
        return Page.of(found, limit, i -> i.id, indicator -> summary(indicator, geos.getOrDefault(indicator.id, List.of())));
    }

    /**
     * Metadata, each series' span of current values and the sources they cite, in a fixed number of statements
     * however many values the indicator has.
     */
    public IndicatorDetail detail(String id) {
        Indicator indicator = indicators.findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("No indicator '" + id + "'"));
        Instant releasedAt = head.current().releasedAt();
        var knownAt = (releasedAt == null ? Instant.now() : releasedAt).atOffset(ZoneOffset.UTC);
        String current = """
                from series s
                join observation o on o.series_id = s.id
                join observation_version v on v.observation_id = o.id
                where s.indicator_id = ? and v.realtime_start <= ? and (v.realtime_end is null or v.realtime_end > ?)
                  and not v.retracted""";
        try (Connection connection = database.getConnection()) {
            List<SeriesSummary> series = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select s.geo,
                           (array_agg(o.period order by o.period_start, o.period_end))[1],
                           (array_agg(o.period order by o.period_start desc, o.period_end desc))[1],
                           count(*)
                    """ + current + " group by s.geo order by s.geo")) {
                bind(statement, id, knownAt);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        series.add(new SeriesSummary(row.getString(1), row.getString(2), row.getString(3), row.getInt(4)));
                    }
                }
            }
            // Sources in the order the values cite them, as the observations read lists them.
            Map<String, DocumentRef> documents = new LinkedHashMap<>();
            Map<String, PublicationRef> publications = new LinkedHashMap<>();
            try (PreparedStatement statement = connection.prepareStatement("select " + SourceViews.DOCUMENT_REF_COLUMNS
                    + ", " + SourceViews.PUBLICATION_REF_COLUMNS + " " + current.replace("where", """
                    join citation c on c.version_id = v.id
                    join document d on d.id = c.document_id
                    left join publication p on p.id = c.publication_id
                    where""") + " order by s.geo, o.period_start, o.period_end, v.realtime_start, c.position")) {
                bind(statement, id, knownAt);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        documents.putIfAbsent(row.getString(1), SourceViews.documentRef(row, 1));
                        if (row.getString(11) != null) {
                            publications.putIfAbsent(row.getString(11), SourceViews.publicationRef(row, 11));
                        }
                    }
                }
            }
            return new IndicatorDetail(indicator.id, new KoreanEnglish(indicator.nameKo, indicator.nameEn),
                    description(indicator), ObservationService.unit(indicator), indicator.frequency, indicator.valueKind,
                    Arrays.asList(indicator.topics), series, List.copyOf(documents.values()),
                    List.copyOf(publications.values()));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read indicator " + id, e);
        }
    }

    private static void bind(PreparedStatement statement, String id, Object knownAt) throws SQLException {
        statement.setString(1, id);
        statement.setObject(2, knownAt);
        statement.setObject(3, knownAt);
    }

    private Map<String, List<String>> geos(List<String> indicatorIds) {
        Map<String, List<String>> geos = new HashMap<>();
        if (indicatorIds.isEmpty()) {
            return geos;
        }
        try (Connection connection = database.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "select indicator_id, geo from series where indicator_id = any (?) order by indicator_id, geo")) {
            statement.setArray(1, connection.createArrayOf("text", indicatorIds.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    geos.computeIfAbsent(row.getString(1), i -> new ArrayList<>()).add(row.getString(2));
                }
            }
            return geos;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the series of " + indicatorIds, e);
        }
    }

    private static IndicatorSummary summary(Indicator indicator, List<String> geos) {
        return new IndicatorSummary(indicator.id, new KoreanEnglish(indicator.nameKo, indicator.nameEn),
                description(indicator), ObservationService.unit(indicator), indicator.frequency, indicator.valueKind,
                Arrays.asList(indicator.topics), geos);
    }

    private static KoreanEnglish description(Indicator indicator) {
        return indicator.descriptionKo == null && indicator.descriptionEn == null ? null
                : new KoreanEnglish(indicator.descriptionKo, indicator.descriptionEn);
    }
}
