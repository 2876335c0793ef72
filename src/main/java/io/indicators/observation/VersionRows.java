package io.indicators.observation;

import io.indicators.observation.ObservationViews.CitationView;
import io.indicators.source.SourceViews;

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
            + " v.status, v.note, v.derivation, v.retracted, v.reason, v.release_id, v.realtime_start, v.realtime_end";

    /** A value version as stored, with the series point it belongs to. */
    record Version(long id, String indicator, String geo, String period, BigDecimal value, BigDecimal low,
            BigDecimal high, String status, String note, String derivation, boolean retracted, String reason,
            String release, Instant realtimeStart, Instant realtimeEnd) {
    }

    static Version version(ResultSet row) throws SQLException {
        return new Version(row.getLong("id"), row.getString("indicator_id"), row.getString("geo"),
                row.getString("period"), row.getBigDecimal("value"), row.getBigDecimal("value_low"),
                row.getBigDecimal("value_high"), row.getString("status"), row.getString("note"),
                row.getString("derivation"), row.getBoolean("retracted"), row.getString("reason"),
                row.getString("release_id"), instant(row, "realtime_start"), instant(row, "realtime_end"));
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

    /** The citations of the given versions, in their published order, in one statement. */
    static Map<Long, List<CitationView>> citations(Connection connection, Collection<Long> versionIds)
            throws SQLException {
        Map<Long, List<CitationView>> byVersion = new HashMap<>();
        if (versionIds.isEmpty()) {
            return byVersion;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                select c.version_id, c.quote, %s, %s
                from citation c
                join document d on d.id = c.document_id
                left join publication p on p.id = c.publication_id
                where c.version_id = any (?)
                order by c.version_id, c.position""".formatted(SourceViews.DOCUMENT_REF_COLUMNS,
                SourceViews.PUBLICATION_REF_COLUMNS))) {
            statement.setArray(1, ids(connection, versionIds));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    byVersion.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                            .add(new CitationView(SourceViews.documentRef(row, 3), row.getString(2),
                                    SourceViews.publicationRef(row, 13)));
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
