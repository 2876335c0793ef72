package io.indicators.observation;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.indicators.common.api.Derivation;
import io.indicators.common.api.KoreanEnglish;
import io.indicators.common.api.Page;
import io.indicators.common.api.QueryParameters;
import io.indicators.common.api.Unit;
import io.indicators.common.catalogue.CatalogueHead;
import io.indicators.common.catalogue.CatalogueReads;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.common.problem.ApiException;
import io.indicators.observation.ObservationViews.Change;
import io.indicators.observation.ObservationViews.CitationView;
import io.indicators.observation.ObservationViews.IndicatorRef;
import io.indicators.observation.ObservationViews.ObservationSet;
import io.indicators.observation.ObservationViews.ObservationView;
import io.indicators.observation.ObservationViews.ReleaseRef;
import io.indicators.observation.ObservationViews.ValueHistory;
import io.indicators.observation.ObservationViews.ValueState;
import io.indicators.observation.ObservationViews.Vintage;
import io.indicators.observation.ObservationViews.VintageList;
import io.indicators.observation.VersionRows.Version;

/** The value reads: observations as known at an instant, a value's revisions, vintages and changes. */
@ApplicationScoped
public class ObservationService {

    /**
     * The most values one observations answer holds: with the read bulkhead's permits it bounds the memory reads
     * take (a value with its citations is about 1 kB of JSON and a few kB while it is built).
     */
    static final int MAX_VALUES = 2_000;

    private final CatalogueReads database;
    private final CatalogueHead head;
    private final ObjectMapper json;

    ObservationService(CatalogueReads database, CatalogueHead head, ObjectMapper json) {
        this.database = database;
        this.head = head;
        this.json = json;
    }

    /** A filter on an indicator's observations, parameters already parsed and checked for conflicts. */
    public record Query(String geo, ReferencePeriod startPeriod, ReferencePeriod endPeriod, Integer lastNObservations,
            Instant asOf, boolean includeHistory, ReferencePeriod publishedBy) {

        public Query {
            if (includeHistory && publishedBy != null) {
                throw ApiException.badParameter("publishedBy", "publishedBy picks one version of each value; it "
                        + "cannot be combined with includeHistory");
            }
            if (startPeriod != null && endPeriod != null && startPeriod.start().isAfter(endPeriod.end())) {
                throw ApiException.badParameter("startPeriod", "startPeriod " + startPeriod.text()
                        + " is after endPeriod " + endPeriod.text());
            }
        }
    }

    /**
     * Four statements whatever the size of the answer: the indicator, the release the answer reflects, the versions,
     * their citations.
     */
    public ObservationSet observations(String indicatorId, Query query) {
        Instant knownAt = head.knownAt(query.asOf());
        try (Connection connection = database.connection()) {
            IndicatorRef indicator = indicatorRef(connection, indicatorId, knownAt);
            ReleaseRef release = latestVintage(connection, indicatorId, knownAt);
            List<Version> versions = knownVersions(connection, indicatorId, query, knownAt);
            if (versions.size() > MAX_VALUES) {
                throw ApiException.tooManyValues("The answer would hold more than " + MAX_VALUES + " values; narrow it "
                        + "with geo, startPeriod and endPeriod, or lastNObservations");
            }
            Map<Long, List<CitationView>> citations = VersionRows.citations(connection,
                    versions.stream().map(Version::id).toList(), knownAt);
            return new ObservationSet(indicator, query.asOf(),
                    query.publishedBy() == null ? null : query.publishedBy().text(), release,
                    versions.stream().map(v -> view(v, indicator.unit(), knownAt, citations)).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the observations of " + indicatorId, e);
        }
    }

    public ValueHistory history(String indicatorId, String geo, ReferencePeriod period, Instant asOf) {
        Instant knownAt = head.knownAt(asOf);
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement("select " + VersionRows.VERSION_COLUMNS + """
                         from series s
                        join observation o on o.series_id = s.id
                        join observation_version v on v.observation_id = o.id
                        where s.indicator_id = ? and s.geo = ? and o.period = ? and v.realtime_start <= ?
                        order by v.realtime_start""")) {
            IndicatorRef indicator = indicatorRef(connection, indicatorId, knownAt);
            statement.setString(1, indicatorId);
            statement.setString(2, geo);
            statement.setString(3, period.text());
            statement.setObject(4, VersionRows.timestamp(knownAt));
            List<Version> versions = VersionRows.versions(statement);
            if (versions.isEmpty()) {
                throw ApiException.notFound("Indicator '" + indicatorId + "' has no value for " + geo + " in " + period.text());
            }
            Map<Long, List<CitationView>> citations = VersionRows.citations(connection,
                    versions.stream().map(Version::id).toList(), knownAt);
            return new ValueHistory(indicator, geo, period.text(),
                    versions.stream().map(v -> view(v, indicator.unit(), knownAt, citations)).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the history of " + indicatorId, e);
        }
    }

    /** Bounds to look for values in, and the unit they must be in (any unit when null). */
    public record Bounds(BigDecimal low, BigDecimal high, String unit) {
    }

    /** The values to compare a claim with: an indicator, and within it a geography and a period, each optional. */
    public record Scope(String indicator, String geo, ReferencePeriod period) {
        public boolean namesIndicator() {
            return indicator != null;
        }
    }

    /** A value found for one of the bounds asked for, as known at the answer's instant. */
    public record Found(int bounds, IndicatorRef indicator, ObservationView value) {
    }

    /**
     * The values current at {@code asOf} that lie within (or, for ranges, overlap) each of the bounds, in the bounds'
     * unit; with an indicator in the scope, every value of the scope, near or not, so that the caller can tell what
     * contradicts a claim. Two statements whatever the number of bounds: the values and their citations.
     */
    public List<Found> near(List<Bounds> bounds, Scope scope, Instant asOf, int limit) {
        Instant knownAt = head.knownAt(asOf);
        if (bounds.isEmpty()) {
            return List.of();
        }
        StringBuilder where = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        if (scope.indicator() != null) {
            where.append(" and s.indicator_id = ?");
            parameters.add(scope.indicator());
        }
        if (scope.geo() != null) {
            where.append(" and s.geo = ?");
            parameters.add(scope.geo());
        }
        if (scope.period() != null) {
            where.append(" and o.period = ?");
            parameters.add(scope.period().text());
        }
        // Without an indicator, the values near each reading are index range scans on the value (V9): a number, or
        // a range that overlaps the reading. With one, every value of the indicator is compared.
        String candidates = scope.namesIndicator() ? """
                join observation_version v on not v.retracted and v.realtime_start <= ?
                 and coalesce(v.realtime_end, 'infinity') > ?""" : """
                join lateral (
                    select * from observation_version n where n.value between b.low and b.high
                    union all
                    select * from observation_version r where r.value is null and r.value_high >= b.low
                     and r.value_low <= b.high) v
                  on not v.retracted and v.realtime_start <= ? and coalesce(v.realtime_end, 'infinity') > ?""";
        // Found by value, each candidate's series and indicator are looked up one by one (lateral; the limit keeps
        // the planner from flattening it back into a join): a join hashed every series of the catalogue, whatever the
        // number of candidates (0.37 of 0.47 ms at 1M value versions). Named by indicator, the join starts from
        // that indicator's series.
        String seriesAndIndicator = scope.namesIndicator()
                ? " join series s on s.id = o.series_id join indicator_at(?) i on i.id = s.indicator_id"
                : " cross join lateral (select * from series where id = o.series_id limit 1) s"
                        + " cross join lateral (select * from indicator_at(?) where id = s.indicator_id limit 1) i";
        String sql = "select b.ordinality, i.unit_code, i.name_ko, i.name_en, " + VersionRows.VERSION_COLUMNS
                + " from unnest(?::numeric[], ?::numeric[], ?::text[]) with ordinality as b(low, high, unit, ordinality) "
                + candidates
                + " join observation o on o.id = v.observation_id"
                + seriesAndIndicator
                + " where (b.unit is null or b.unit = i.unit_code)" + where
                + " order by b.ordinality, s.indicator_id, s.geo, o.period_start, o.period_end limit ?";
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("numeric", bounds.stream().map(Bounds::low).toArray()));
            statement.setArray(2, connection.createArrayOf("numeric", bounds.stream().map(Bounds::high).toArray()));
            statement.setArray(3, connection.createArrayOf("text", bounds.stream().map(Bounds::unit).toArray()));
            statement.setObject(4, VersionRows.timestamp(knownAt));
            statement.setObject(5, VersionRows.timestamp(knownAt));
            statement.setObject(6, VersionRows.timestamp(knownAt));
            int at = 7;
            for (Object parameter : parameters) {
                statement.setObject(at++, parameter);
            }
            statement.setInt(at, limit);
            List<Integer> ordinals = new ArrayList<>();
            List<IndicatorRef> indicators = new ArrayList<>();
            List<Version> versions = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    ordinals.add(row.getInt(1) - 1);
                    indicators.add(new IndicatorRef(row.getString("indicator_id"),
                            new KoreanEnglish(row.getString("name_ko"), row.getString("name_en")),
                            new Unit(row.getString("unit_code"))));
                    versions.add(VersionRows.version(row));
                }
            }
            Map<Long, List<CitationView>> citations = VersionRows.citations(connection,
                    versions.stream().map(Version::id).distinct().toList(), knownAt);
            List<Found> found = new ArrayList<>(versions.size());
            for (int i = 0; i < versions.size(); i++) {
                found.add(new Found(ordinals.get(i), indicators.get(i),
                        view(versions.get(i), indicators.get(i).unit(), knownAt, citations)));
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look values up", e);
        }
    }

    /** The releases that changed an indicator's values, oldest first (ALFRED's vintage dates). */
    public VintageList vintages(String indicatorId, Instant asOf) {
        Instant knownAt = head.knownAt(asOf);
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement("""
                        select r.id, r.released_at from indicator_vintage iv join release r on r.seq = iv.release_seq
                        where iv.indicator_id = ? and r.released_at <= ? order by iv.release_seq""")) {
            IndicatorRef indicator = indicatorRef(connection, indicatorId, knownAt);
            statement.setString(1, indicatorId);
            statement.setObject(2, VersionRows.timestamp(knownAt));
            List<Vintage> vintages = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    vintages.add(new Vintage(row.getString(1), VersionRows.instant(row, "released_at")));
                }
            }
            return new VintageList(indicator, vintages);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the vintages of " + indicatorId, e);
        }
    }

    /**
     * The change feed: versions that became known after {@code updatedAfter}, in the order they were written, after
     * the version {@code afterId}. Version ids are allocated under the publish lock, so they rise with real-time
     * start: the first version known after the instant is one index probe, and the page a primary-key range from it.
     */
    public Page<Change> feed(Instant updatedAfter, long afterId, int limit, Instant asOf) {
        Instant knownAt = head.knownAt(asOf);
        return changes("""
                v.id >= (select k.id from observation_version k where k.realtime_start > ?
                         order by k.realtime_start, k.id limit 1)
                and v.id > ? and v.realtime_start <= ?""", limit, knownAt, (statement, at) -> {
            statement.setObject(at, VersionRows.timestamp(updatedAfter));
            statement.setLong(at + 1, afterId);
            statement.setObject(at + 2, VersionRows.timestamp(knownAt));
            return at + 3;
        });
    }

    /**
     * What one release wrote, in the order it wrote it, a page at a time after the version {@code afterId}, with
     * sources described as they were when it landed: the answer never changes.
     */
    public Page<Change> ofRelease(String releaseId, Instant releasedAt, long afterId, int limit) {
        return changes("v.release_id = ? and v.id > ?", limit, releasedAt, (statement, at) -> {
            statement.setString(at, releaseId);
            statement.setLong(at + 1, afterId);
            return at + 2;
        });
    }

    private interface Parameters {
        /** Binds from {@code at}; returns the next free index. */
        int set(PreparedStatement statement, int at) throws SQLException;
    }

    /** Changes as versions with what each replaced: two statements per page, the page and its citations. */
    private Page<Change> changes(String where, int limit, Instant knownAt, Parameters parameters) {
        try (Connection connection = database.connection();
                PreparedStatement statement = connection.prepareStatement("select " + VersionRows.VERSION_COLUMNS + """
                        , p.id as previous_id, p.value as previous_value, p.value_low as previous_low,
                          p.value_high as previous_high, p.status as previous_status, i.unit_code, i.name_ko, i.name_en
                        from observation_version v
                        join observation o on o.id = v.observation_id
                        join series s on s.id = o.series_id
                        join indicator_at(?) i on i.id = s.indicator_id
                        left join observation_version p on p.observation_id = v.observation_id
                             and p.realtime_end = v.realtime_start and not p.retracted
                        where\s""" + where + " order by v.id limit ?")) {
            statement.setObject(1, VersionRows.timestamp(knownAt));
            statement.setInt(parameters.set(statement, 2), limit + 1);
            List<Version> versions = new ArrayList<>();
            List<ValueState> previous = new ArrayList<>();
            List<Unit> units = new ArrayList<>();
            List<KoreanEnglish> names = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    versions.add(VersionRows.version(row));
                    units.add(new Unit(row.getString("unit_code")));
                    names.add(new KoreanEnglish(row.getString("name_ko"), row.getString("name_en")));
                    row.getLong("previous_id");
                    previous.add(row.wasNull() ? null
                            : new ValueState(row.getBigDecimal("previous_value"),
                                    row.getBigDecimal("previous_low"), row.getBigDecimal("previous_high"),
                                    row.getString("previous_status")));
                }
            }
            List<Version> shown = versions.subList(0, Math.min(limit, versions.size()));
            Map<Long, List<CitationView>> citations = VersionRows.citations(connection,
                    shown.stream().map(Version::id).toList(), knownAt);
            List<Change> changes = new ArrayList<>(shown.size());
            for (int i = 0; i < shown.size(); i++) {
                Version version = shown.get(i);
                ValueState before = previous.get(i);
                String kind = version.retracted() ? "retracted" : before != null ? "revised" : "added";
                changes.add(new Change(Long.toString(version.id()), kind, version.indicator(), names.get(i),
                        version.geo(), version.period(), units.get(i), version.release(), version.realtimeStart(),
                        version.retracted() ? null : state(version), before, version.reason(),
                        citations.getOrDefault(version.id(), List.of())));
            }
            String next = versions.size() > limit ? QueryParameters.cursor(Long.toString(shown.getLast().id())) : null;
            return new Page<>(changes, next);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read changes", e);
        }
    }

    private static List<Version> knownVersions(Connection connection, String indicatorId, Query query, Instant knownAt)
            throws SQLException {
        StringBuilder where = new StringBuilder("s.indicator_id = ? and v.realtime_start <= ?");
        List<Object> parameters = new ArrayList<>(List.of(indicatorId, VersionRows.timestamp(knownAt)));
        if (query.publishedBy() != null) {
            // The world's clock: versions whose source (a cited document or its primary publication) was out by
            // then, at the latest day its date can stand for; values withdrawn since are left out.
            where.append(" ").append("""
                    and not v.retracted
                    and exists (select from citation c
                                left join document_at(?) d on d.id = c.document_id
                                left join publication_at(?) p on p.id = c.publication_id
                                where c.version_id = v.id
                                  and (published_by_end(d.published_date, d.published_precision, d.published_basis) <= ?
                                       or published_by_end(p.published_date, p.published_precision, p.published_basis) <= ?))
                    and not exists (select from observation_version r where r.observation_id = o.id and r.retracted
                                    and r.realtime_start <= ? and coalesce(r.realtime_end, 'infinity') > ?)""");
            LocalDate by = query.publishedBy().end();
            parameters.addAll(List.of(VersionRows.timestamp(knownAt), VersionRows.timestamp(knownAt), by, by,
                    VersionRows.timestamp(knownAt), VersionRows.timestamp(knownAt)));
        } else if (!query.includeHistory()) {
            where.append(" and not v.retracted and coalesce(v.realtime_end, 'infinity') > ?");
            parameters.add(VersionRows.timestamp(knownAt));
        }
        if (query.geo() != null) {
            where.append(" and s.geo = ?");
            parameters.add(query.geo());
        }
        LocalDate from = query.startPeriod() == null ? null : query.startPeriod().start();
        LocalDate to = query.endPeriod() == null ? null : query.endPeriod().end();
        if (from != null) {
            where.append(" and o.period_end >= ?");
            parameters.add(from);
        }
        if (to != null) {
            where.append(" and o.period_start <= ?");
            parameters.add(to);
        }
        List<String> outer = new ArrayList<>();
        if (query.lastNObservations() != null) {
            outer.add("recency <= ?");
            parameters.add(query.lastNObservations());
        }
        if (query.publishedBy() != null) {
            outer.add("newest = 1");
        }
        String recent = outer.isEmpty() ? "" : " where " + String.join(" and ", outer);
        // The latest n periods of each series are ranked in the database, so only they are read.
        String sql = "select * from (select " + VersionRows.VERSION_COLUMNS + """
                , o.period_start, o.period_end,
                  dense_rank() over (partition by s.id order by o.period_start desc, o.period_end desc, o.id desc) as recency
                """
                + (query.publishedBy() == null ? ""
                        : ", row_number() over (partition by o.id order by v.realtime_start desc) as newest\n")
                + """
                        from series s
                        join observation o on o.series_id = s.id
                        join observation_version v on v.observation_id = o.id
                        where\s""" + where + ") known" + recent + " order by geo, period_start, period_end, realtime_start"
                + " limit " + (MAX_VALUES + 1);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return VersionRows.versions(statement);
        }
    }

    /** The newest release that changed an indicator's values by an instant: the vintage an answer reflects. */
    private static ReleaseRef latestVintage(Connection connection, String indicatorId, Instant knownAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select r.id, r.released_at from indicator_vintage iv join release r on r.seq = iv.release_seq
                where iv.indicator_id = ? and r.released_at <= ? order by iv.release_seq desc limit 1""")) {
            statement.setString(1, indicatorId);
            statement.setObject(2, VersionRows.timestamp(knownAt));
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? new ReleaseRef(row.getString(1), VersionRows.instant(row, "released_at")) : null;
            }
        }
    }

    /** An indicator as described at an instant; 404 when it was not in the catalogue yet. */
    public static IndicatorRef indicatorRef(Connection connection, String indicatorId, Instant knownAt) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select name_ko, name_en, unit_code from indicator_at(?) where id = ?")) {
            statement.setObject(1, VersionRows.timestamp(knownAt));
            statement.setString(2, indicatorId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw ApiException.notFound("No indicator '" + indicatorId + "'");
                }
                return new IndicatorRef(indicatorId, new KoreanEnglish(row.getString(1), row.getString(2)),
                        new Unit(row.getString(3)));
            }
        }
    }

    /** A version as known at {@code knownAt}: a supersession after that instant was not known yet. */
    private ObservationView view(Version version, Unit unit, Instant knownAt, Map<Long, List<CitationView>> citations) {
        Instant realtimeEnd = version.realtimeEnd() != null && !version.realtimeEnd().isAfter(knownAt)
                ? version.realtimeEnd()
                : null;
        return new ObservationView(version.geo(), version.period(), version.periodBasis(), version.value(),
                version.low(), version.high(), version.asStated(), unit, version.status(), version.note(),
                derivation(version.derivation()), version.retracted(),
                version.reason(), version.release(), version.realtimeStart(), realtimeEnd,
                citations.getOrDefault(version.id(), List.of()));
    }

    private static ValueState state(Version version) {
        return new ValueState(version.value(), version.low(), version.high(), version.status());
    }

    private Derivation derivation(String stored) {
        try {
            return stored == null ? null : json.readValue(stored, Derivation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored derivation is not JSON", e);
        }
    }
}
