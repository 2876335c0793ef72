package io.indicators.release;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.indicators.common.api.AsStated;
import io.indicators.common.api.Derivation;
import io.indicators.common.api.PeriodBasis;
import io.indicators.common.catalogue.CatalogueHead;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.release.QuoteAnchors.Anchored;
import io.indicators.release.ReleaseRequest.ObservationInput;
import io.indicators.release.ReleaseRequest.RetractionInput;

/**
 * Writes a release's values as set-based statements on the publish transaction's connection: a statement per
 * table per ten thousand values, not a statement (and an ORM flush) per value, so a release of 100,000 values
 * costs seconds and the cost per value does not grow with the release (issue 10: entity writes were quadratic).
 * Runs under the publish lock, so "current" means the version whose real-time period is still open.
 */
@ApplicationScoped
class ValueWriter {

    /** Rows per statement: keeps each statement's arrays a few megabytes at most. */
    private static final int CHUNK = 10_000;

    /** A series point: indicator, geography, period as published. */
    record Point(String indicator, String geo, String period) {

        // Written out: the native executable runs a record's generated equals and hashCode through interpreted
        // method handles, and a release's derivations hash thousands of points.
        @Override
        public boolean equals(Object other) {
            return other instanceof Point point && Objects.equals(indicator, point.indicator)
                    && Objects.equals(geo, point.geo) && Objects.equals(period, point.period);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Objects.hashCode(indicator) + Objects.hashCode(geo)) + Objects.hashCode(period);
        }
    }

    /** The current version of a series point, as far as a re-publish is compared with it. */
    record CurrentValue(long versionId, BigDecimal value, BigDecimal low, BigDecimal high, AsStated asStated,
            PeriodBasis periodBasis, String status, String note, String derivation, boolean retracted,
            String releaseId, List<Anchored> citations) {

        CurrentValue citedBy(List<Anchored> citations) {
            return new CurrentValue(versionId, value, low, high, asStated, periodBasis, status, note, derivation,
                    retracted, releaseId, citations);
        }
    }

    /** A value to append, with its citations anchored in their documents. */
    record NewValue(ObservationInput input, List<Anchored> citations) {
    }

    private final EntityManager entityManager;

    ValueWriter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The columns {@link #currentValues} reads: the series point, then the version. */
    private static final String CURRENT_COLUMNS = """
            s.indicator_id, s.geo, o.period, v.id, v.value, v.value_low, v.value_high, v.status, v.note, v.derivation,
            v.retracted, v.as_stated_text, v.as_stated_number, v.as_stated_low, v.as_stated_high,
            v.as_stated_multiplier, v.period_basis, v.period_evidence, v.release_id""";

    /** The current versions of the given points, with their citations: two statements per chunk of points. */
    Map<Point, CurrentValue> current(Set<Point> points) {
        return work(connection -> {
            Map<Point, CurrentValue> current = new HashMap<>();
            for (List<Point> chunk : chunks(new ArrayList<>(points))) {
                try (PreparedStatement statement = connection.prepareStatement("select " + CURRENT_COLUMNS + """

                        from unnest(?::text[], ?::text[], ?::text[]) as k(indicator_id, geo, period)
                        join series s on s.indicator_id = k.indicator_id and s.geo = k.geo
                        join observation o on o.series_id = s.id and o.period = k.period
                        join observation_version v on v.observation_id = o.id and v.realtime_end is null""")) {
                    statement.setArray(1, texts(connection, chunk, Point::indicator));
                    statement.setArray(2, texts(connection, chunk, Point::geo));
                    statement.setArray(3, texts(connection, chunk, Point::period));
                    current.putAll(currentValues(connection, statement));
                }
            }
            return current;
        });
    }

    /**
     * The current derived values computed from a value the release has just written, other than those the release
     * wrote itself: what must be derived again because an input changed. Two statements.
     */
    Map<Point, CurrentValue> derivedFromValuesOf(String releaseId) {
        return work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select " + CURRENT_COLUMNS + """

                    from observation_version v
                    join observation o on o.id = v.observation_id
                    join series s on s.id = o.series_id
                    where v.realtime_end is null and not v.retracted and v.status = 'derived' and v.release_id <> ?
                      and exists (select from jsonb_array_elements(v.derivation::jsonb -> 'inputs') as e
                                  join series si on si.indicator_id = e ->> 'indicator' and si.geo = e ->> 'geo'
                                  join observation oi on oi.series_id = si.id and oi.period = e ->> 'period'
                                  join observation_version vi on vi.observation_id = oi.id
                                   and vi.realtime_end is null and vi.release_id = ?)""")) {
                statement.setString(1, releaseId);
                statement.setString(2, releaseId);
                return currentValues(connection, statement);
            }
        });
    }

    private static Map<Point, CurrentValue> currentValues(Connection connection, PreparedStatement statement)
            throws SQLException {
        Map<Long, Point> pointOfVersion = new HashMap<>();
        Map<Long, CurrentValue> uncited = new HashMap<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                long versionId = row.getLong(4);
                pointOfVersion.put(versionId, new Point(row.getString(1), row.getString(2), row.getString(3)));
                AsStated asStated = row.getString(12) == null ? null
                        : new AsStated(row.getString(12),
                                row.getBigDecimal(13), row.getBigDecimal(14), row.getBigDecimal(15), row.getInt(16));
                uncited.put(versionId, new CurrentValue(versionId, row.getBigDecimal(5), row.getBigDecimal(6),
                        row.getBigDecimal(7), asStated, new PeriodBasis(row.getString(17), row.getString(18)),
                        row.getString(8), row.getString(9), row.getString(10), row.getBoolean(11), row.getString(19),
                        List.of()));
            }
        }
        Map<Long, List<Anchored>> citations = citations(connection, uncited.keySet());
        Map<Point, CurrentValue> current = new HashMap<>();
        uncited.forEach((versionId, value) -> current.put(pointOfVersion.get(versionId),
                value.citedBy(citations.getOrDefault(versionId, List.of()))));
        return current;
    }

    /**
     * What a release's chunks add up to, written once when the last chunk is in: the change of each document's (and
     * document and publication pair's) number of citing values, and the indicators it changed.
     */
    static final class Tally {
        private final Map<String, Long> documents = new HashMap<>();
        private final Map<List<String>, Long> publications = new HashMap<>();
        private final Set<String> indicators = new LinkedHashSet<>();
    }

    /**
     * Appends new versions of the release: closes the versions they supersede and adds the versions and their
     * citations. Called once per chunk of the release; {@link #finish} records what they add up to.
     *
     * @param derivationJson the canonical JSON a derivation is stored as
     */
    void append(Release release, List<NewValue> values, List<RetractionInput> retractions,
            Map<Point, CurrentValue> current, Function<Derivation, String> derivationJson, Tally tally) {
        if (values.isEmpty() && retractions.isEmpty()) {
            return;
        }
        work(connection -> {
            List<Point> points = new ArrayList<>(values.size() + retractions.size());
            values.forEach(v -> points.add(new Point(v.input().indicator(), v.input().geo(), v.input().period())));
            retractions.forEach(r -> points.add(new Point(r.indicator(), r.geo(), r.period())));
            Map<Point, Long> observations = observations(connection, release, points);
            List<Long> superseded = points.stream().map(current::get).filter(Objects::nonNull).map(CurrentValue::versionId)
                    .toList();
            supersede(connection, release, superseded);

            long[] ids = nextIds(connection, "observation_version_id_seq", points.size());
            List<Object[]> versions = new ArrayList<>(points.size());
            List<Object[]> citations = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                ObservationInput value = values.get(i).input();
                AsStated stated = value.asStated();
                versions.add(new Object[] { ids[i], observations.get(points.get(i)), value.value(), value.low(),
                        value.high(), value.status(), value.note(),
                        value.derivation() == null ? null : derivationJson.apply(value.derivation()), false,
                        value.reason(), stated == null ? null : stated.text(), stated == null ? null : stated.number(),
                        stated == null ? null : stated.low(), stated == null ? null : stated.high(),
                        stated == null ? null : stated.multiplier(), value.periodBasis().basis(),
                        value.periodBasis().evidence() });
                List<Anchored> cited = values.get(i).citations();
                for (int position = 0; position < cited.size(); position++) {
                    Anchored citation = cited.get(position);
                    citations.add(new Object[] { ids[i], position, citation.document(), citation.quote(),
                            citation.publication(), citation.prefix(), citation.suffix(), citation.start(),
                            citation.end(), citation.verifiedAt() == null ? null : citation.verifiedAt().toString(),
                            citation.verifiedSha256() });
                }
            }
            for (int i = 0; i < retractions.size(); i++) {
                RetractionInput retraction = retractions.get(i);
                Point point = points.get(values.size() + i);
                CurrentValue retracted = current.get(point);
                versions.add(new Object[] { ids[values.size() + i], observations.get(point), null, null, null,
                        retracted.status(), null, null, true, retraction.reason(), null, null, null, null, null,
                        retracted.periodBasis().basis(), retracted.periodBasis().evidence() });
            }
            insertVersions(connection, release, versions);
            insertCitations(connection, citations);

            for (Point point : points) {
                CurrentValue before = current.get(point);
                if (before != null && !before.retracted()) {
                    count(before.citations(), -1, tally.documents, tally.publications);
                }
                tally.indicators.add(point.indicator());
            }
            values.forEach(value -> count(value.citations(), 1, tally.documents, tally.publications));
            return null;
        });
    }

    /**
     * Records what the release's chunks added up to: the documents' counts of citing values, the release as a
     * vintage of every indicator it changed; and notifies the pods that the head moved.
     */
    void finish(Release release, Tally tally) {
        work(connection -> {
            recordDocumentCounts(connection, release, tally.documents, tally.publications);
            try (PreparedStatement statement = connection.prepareStatement(
                    "insert into indicator_vintage (indicator_id, release_seq) select unnest(?::text[]), ?")) {
                statement.setArray(1, connection.createArrayOf("text", tally.indicators.toArray()));
                statement.setLong(2, release.seq);
                statement.executeUpdate();
            }
            // Delivered when the transaction commits, and only if it does.
            try (PreparedStatement statement = connection.prepareStatement("select pg_notify(?, ?)")) {
                statement.setString(1, CatalogueHead.CHANNEL);
                statement.setString(2, Long.toString(release.seq));
                statement.execute();
            }
            return null;
        });
    }

    /**
     * Appends, for every document (and document and publication) whose number of current citing values the release
     * changes, the new number: the superseded values stop counting, the new ones start.
     */
    private static void recordDocumentCounts(Connection connection, Release release, Map<String, Long> documents,
            Map<List<String>, Long> publications) throws SQLException {
        documents.values().removeIf(delta -> delta == 0);
        publications.values().removeIf(delta -> delta == 0);
        if (!documents.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement("""
                    insert into document_vintage (document_id, release_seq, value_count)
                    select k.document_id, ?, k.delta + coalesce((select d.value_count from document_vintage d
                        where d.document_id = k.document_id order by d.release_seq desc limit 1), 0)
                    from unnest(?::text[], ?::bigint[]) as k(document_id, delta)""")) {
                statement.setLong(1, release.seq);
                statement.setArray(2, connection.createArrayOf("text", documents.keySet().toArray()));
                statement.setArray(3, connection.createArrayOf("bigint", documents.values().toArray()));
                statement.executeUpdate();
            }
        }
        if (!publications.isEmpty()) {
            List<List<String>> pairs = new ArrayList<>(publications.keySet());
            try (PreparedStatement statement = connection.prepareStatement("""
                    insert into document_publication_vintage (document_id, publication_id, release_seq, value_count)
                    select k.document_id, k.publication_id, ?, k.delta + coalesce((select d.value_count
                        from document_publication_vintage d
                        where d.document_id = k.document_id and d.publication_id = k.publication_id
                        order by d.release_seq desc limit 1), 0)
                    from unnest(?::text[], ?::text[], ?::bigint[]) as k(document_id, publication_id, delta)""")) {
                statement.setLong(1, release.seq);
                statement.setArray(2, connection.createArrayOf("text", pairs.stream().map(List::getFirst).toArray()));
                statement.setArray(3, connection.createArrayOf("text", pairs.stream().map(List::getLast).toArray()));
                statement.setArray(4, connection.createArrayOf("bigint", pairs.stream().map(publications::get).toArray()));
                statement.executeUpdate();
            }
        }
    }

    /** A value counts once for each document it cites, and once for each document and publication pair. */
    private static void count(List<Anchored> citations, long sign, Map<String, Long> documents,
            Map<List<String>, Long> publications) {
        citations.stream().map(Anchored::document).distinct().forEach(d -> documents.merge(d, sign, Long::sum));
        citations.stream().filter(c -> c.publication() != null).map(c -> List.of(c.document(), c.publication()))
                .distinct().forEach(pair -> publications.merge(pair, sign, Long::sum));
    }

    /** The observation of each point, created where the point is new: two statements per chunk per table. */
    private static Map<Point, Long> observations(Connection connection, Release release, List<Point> points)
            throws SQLException {
        Map<List<String>, Long> series = new HashMap<>();
        Map<Point, Long> observations = new HashMap<>();
        for (List<Point> chunk : chunks(points)) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into series (indicator_id, geo, known_since) select *, ? from unnest(?::text[], ?::text[])
                    on conflict (indicator_id, geo) do nothing""");
                    PreparedStatement select = connection.prepareStatement("""
                            select s.id, s.indicator_id, s.geo from series s
                            join unnest(?::text[], ?::text[]) as k(indicator_id, geo)
                              on s.indicator_id = k.indicator_id and s.geo = k.geo""")) {
                insert.setObject(1, release.releasedAt.atOffset(ZoneOffset.UTC));
                insert.setArray(2, texts(connection, chunk, Point::indicator));
                insert.setArray(3, texts(connection, chunk, Point::geo));
                select.setArray(1, texts(connection, chunk, Point::indicator));
                select.setArray(2, texts(connection, chunk, Point::geo));
                insert.executeUpdate();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        series.put(List.of(row.getString(2), row.getString(3)), row.getLong(1));
                    }
                }
            }
            Long[] seriesIds = chunk.stream().map(p -> series.get(List.of(p.indicator(), p.geo()))).toArray(Long[]::new);
            List<ReferencePeriod> periods = chunk.stream().map(p -> ReferencePeriod.parse(p.period())).toList();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into observation (series_id, period, period_start, period_end)
                    select * from unnest(?::bigint[], ?::text[], ?::date[], ?::date[])
                    on conflict (series_id, period) do nothing""");
                    PreparedStatement select = connection.prepareStatement("""
                            select o.id, o.series_id, o.period from observation o
                            join unnest(?::bigint[], ?::text[]) as k(series_id, period)
                              on o.series_id = k.series_id and o.period = k.period""")) {
                insert.setArray(1, connection.createArrayOf("bigint", seriesIds));
                insert.setArray(2, texts(connection, chunk, Point::period));
                insert.setArray(3, connection.createArrayOf("date", periods.stream().map(ReferencePeriod::start).toArray()));
                insert.setArray(4, connection.createArrayOf("date", periods.stream().map(ReferencePeriod::end).toArray()));
                insert.executeUpdate();
                select.setArray(1, connection.createArrayOf("bigint", seriesIds));
                select.setArray(2, texts(connection, chunk, Point::period));
                Map<List<Object>, Long> byKey = new HashMap<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        byKey.put(List.of(row.getLong(2), row.getString(3)), row.getLong(1));
                    }
                }
                for (int i = 0; i < chunk.size(); i++) {
                    observations.put(chunk.get(i), byKey.get(List.of(seriesIds[i], chunk.get(i).period())));
                }
            }
        }
        return observations;
    }

    private static void supersede(Connection connection, Release release, List<Long> versionIds) throws SQLException {
        for (List<Long> chunk : chunks(versionIds)) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "update observation_version set realtime_end = ? where id = any (?)")) {
                statement.setObject(1, release.releasedAt.atOffset(ZoneOffset.UTC));
                statement.setArray(2, connection.createArrayOf("bigint", chunk.toArray()));
                statement.executeUpdate();
            }
        }
    }

    /**
     * Ids taken from the sequence in one call, in the order the versions are listed: citations can name their
     * version before it is written, and ids rise with real-time start (the change feed relies on it).
     */
    private static long[] nextIds(Connection connection, String sequence, int count) throws SQLException {
        long[] ids = new long[count];
        try (PreparedStatement statement = connection.prepareStatement(
                "select nextval(?::regclass) from generate_series(1, ?) order by 1")) {
            statement.setString(1, sequence);
            statement.setInt(2, count);
            try (ResultSet row = statement.executeQuery()) {
                for (int i = 0; row.next(); i++) {
                    ids[i] = row.getLong(1);
                }
            }
        }
        return ids;
    }

    private static void insertVersions(Connection connection, Release release, List<Object[]> versions) throws SQLException {
        for (List<Object[]> chunk : chunks(versions)) {
            try (PreparedStatement statement = connection.prepareStatement("""
                    insert into observation_version (id, observation_id, release_id, value, value_low, value_high,
                        status, note, derivation, retracted, reason, as_stated_text, as_stated_number, as_stated_low,
                        as_stated_high, as_stated_multiplier, period_basis, period_evidence, realtime_start)
                    select id, observation_id, ?, value, value_low, value_high, status, note, derivation, retracted,
                           reason, as_stated_text, as_stated_number, as_stated_low, as_stated_high,
                           as_stated_multiplier, period_basis, period_evidence, ?
                    from unnest(?::bigint[], ?::bigint[], ?::numeric[], ?::numeric[], ?::numeric[], ?::text[],
                                ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::numeric[], ?::numeric[],
                                ?::numeric[], ?::integer[], ?::text[], ?::text[])
                         as t(id, observation_id, value, value_low, value_high, status, note, derivation, retracted,
                              reason, as_stated_text, as_stated_number, as_stated_low, as_stated_high,
                              as_stated_multiplier, period_basis, period_evidence)""")) {
                statement.setString(1, release.id);
                statement.setObject(2, release.releasedAt.atOffset(ZoneOffset.UTC));
                String[] types = { "bigint", "bigint", "numeric", "numeric", "numeric", "text", "text", "text", "boolean",
                        "text", "text", "numeric", "numeric", "numeric", "integer", "text", "text" };
                for (int column = 0; column < types.length; column++) {
                    statement.setArray(column + 3, column(connection, types[column], chunk, column));
                }
                statement.executeUpdate();
            }
        }
    }

    private static void insertCitations(Connection connection, List<Object[]> citations) throws SQLException {
        for (List<Object[]> chunk : chunks(citations)) {
            try (PreparedStatement statement = connection.prepareStatement("""
                    insert into citation (version_id, position, document_id, quote, publication_id, prefix, suffix,
                        start_position, end_position, verified_at, verified_sha256)
                    select * from unnest(?::bigint[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::text[],
                                         ?::text[], ?::integer[], ?::integer[], ?::timestamptz[], ?::text[])""")) {
                String[] types = { "bigint", "integer", "text", "text", "text", "text", "text", "integer", "integer",
                        "timestamptz", "text" };
                for (int column = 0; column < types.length; column++) {
                    statement.setArray(column + 1, column(connection, types[column], chunk, column));
                }
                statement.executeUpdate();
            }
        }
    }

    private static Map<Long, List<Anchored>> citations(Connection connection, Collection<Long> versionIds)
            throws SQLException {
        Map<Long, List<Anchored>> citations = new HashMap<>();
        if (versionIds.isEmpty()) {
            return citations;
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                select version_id, document_id, quote, publication_id, prefix, suffix, start_position, end_position,
                       verified_at, verified_sha256
                from citation where version_id = any (?) order by version_id, position""")) {
            statement.setArray(1, connection.createArrayOf("bigint", versionIds.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    OffsetDateTime verifiedAt = row.getObject(9, OffsetDateTime.class);
                    citations.computeIfAbsent(row.getLong(1), id -> new ArrayList<>())
                            .add(new Anchored(row.getString(2), row.getString(3), row.getString(5), row.getString(6),
                                    row.getInt(7), row.getInt(8), row.getString(4),
                                    verifiedAt == null ? null : verifiedAt.toInstant(), row.getString(10)));
                }
            }
        }
        return citations;
    }

    private static Array column(Connection connection, String type, List<Object[]> rows, int column) throws SQLException {
        return connection.createArrayOf(type, rows.stream().map(row -> row[column]).toArray());
    }

    private static Array texts(Connection connection, List<Point> points, Function<Point, String> field) throws SQLException {
        return connection.createArrayOf("text", points.stream().map(field).toArray());
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += CHUNK) {
            chunks.add(items.subList(from, Math.min(items.size(), from + CHUNK)));
        }
        return chunks;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs on the connection of the current transaction, after what the ORM has pending. */
    private <T> T work(Work<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work::run);
    }
}
