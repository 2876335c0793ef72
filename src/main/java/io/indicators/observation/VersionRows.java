package io.indicators.observation;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.indicators.common.api.AsStated;
import io.indicators.common.api.PeriodBasis;
import io.indicators.observation.ObservationViews.CitationView;
import io.indicators.source.SourceViews;

/**
 * The read side of value versions in plain SQL. Entities cost more than they give on these paths: criteria
 * translation and entity loading were two thirds of a read's CPU (issue 10's profile), and a read builds views, not
 * objects to change. Every read here is a fixed number of statements, whatever the number of rows.
 */
final class VersionRows {

    private VersionRows() {
    }

    /** The columns of {@link #version(ResultSet)}, for a query that joins observation_version v, observation o, series s. */
    static final String VERSION_COLUMNS = "v.id, s.indicator_id, s.geo, o.period, v.value, v.value_low, v.value_high,"
            + " v.status, v.note, v.derivation, v.retracted, v.reason, v.release_id, v.realtime_start, v.realtime_end,"
            + " v.as_stated_text, v.as_stated_number, v.as_stated_low, v.as_stated_high, v.as_stated_multiplier,"
            + " v.period_basis, v.period_evidence";

    /** A value version as stored, with the series point it belongs to. */
    record Version(long id, String indicator, String geo, String period, BigDecimal value, BigDecimal low,
            BigDecimal high, String status, String note, String derivation, boolean retracted, String reason,
            String release, Instant realtimeStart, Instant realtimeEnd, AsStated asStated, PeriodBasis periodBasis) {
    }

    static Version version(ResultSet row) throws SQLException {
        String statedText = row.getString("as_stated_text");
        AsStated asStated = statedText == null ? null
                : new AsStated(statedText, row.getBigDecimal("as_stated_number"),
                        row.getBigDecimal("as_stated_low"), row.getBigDecimal("as_stated_high"),
                        row.getInt("as_stated_multiplier"));
        return new Version(row.getLong("id"), row.getString("indicator_id"), row.getString("geo"),
                row.getString("period"), row.getBigDecimal("value"), row.getBigDecimal("value_low"),
                row.getBigDecimal("value_high"), row.getString("status"), row.getString("note"),
                row.getString("derivation"), row.getBoolean("retracted"), row.getString("reason"),
                row.getString("release_id"), instant(row, "realtime_start"), instant(row, "realtime_end"), asStated,
                new PeriodBasis(row.getString("period_basis"), row.getString("period_evidence")));
    }

    static List<Version> versions(PreparedStatement statement) throws SQLException {
        List<Version> versions = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                versions.add(version(row));
            }
        }
        return versions;
    }

    /**
     * The citations of the given versions, in their published order, in one statement, with their documents and
     * publications as described at {@code knownAt}.
     */
    static Map<Long, List<CitationView>> citations(Connection connection, Collection<Long> versionIds, Instant knownAt)
            throws SQLException {
        Map<Long, List<CitationView>> byVersion = new HashMap<>();
        if (versionIds.isEmpty()) {
            return byVersion;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.version_id, %s, %s, %s
                from citation c
                join document_at(?) d on d.id = c.document_id
                left join publication_at(?) p on p.id = c.publication_id
                where c.version_id = any (?)
                order by c.version_id, c.position""".formatted(SourceViews.CITATION_COLUMNS,
                SourceViews.DOCUMENT_REF_COLUMNS, SourceViews.PUBLICATION_REF_COLUMNS))) {
            statement.setObject(1, timestamp(knownAt));
            statement.setObject(2, timestamp(knownAt));
            statement.setArray(3, ids(connection, versionIds));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    int document = 2 + SourceViews.CITATION_COLUMN_COUNT;
                    byVersion.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                            .add(new CitationView(SourceViews.documentRef(row, document), row.getString(2),
                                    SourceViews.selectors(row, 2), SourceViews.verification(row, 2),
                                    SourceViews.publicationRef(row, document + SourceViews.DOCUMENT_REF_COLUMN_COUNT)));
                }
            }
        }
        return byVersion;
    }

    static Array ids(Connection connection, Collection<Long> ids) throws SQLException {
        return connection.createArrayOf("bigint", ids.toArray(Long[]::new));
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
