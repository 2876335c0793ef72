package io.indicators.release;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.indicators.release.ReleaseRequest.ObservationInput;
import io.indicators.release.ReleaseRequest.RetractionInput;
import io.indicators.release.ValueWriter.Point;

/**
 * A release's values and retractions, held in a temporary table of the publish transaction instead of the heap: a
 * release of 100,000 values is about 25 MB of JSON and several times that as objects, more than the native
 * executable's whole heap. The publish reads them back a chunk at a time, and asks the questions about the whole
 * release (a point named twice, the inputs of a derivation) of the table. The table goes when the transaction ends.
 */
@ApplicationScoped
class StagedItems {

    /** Items per insert: a few hundred kilobytes of JSON. */
    private static final int BATCH = 1_000;

    enum Kind {
        OBSERVATION("o", "/observations/"),
        RETRACTION("r", "/retractions/");

        final String code;
        final String pointer;

        Kind(String code, String pointer) {
            this.code = code;
            this.pointer = pointer;
        }
    }

    /** An item as the release gave it, with its position in its list (for JSON pointers). */
    record Item<T>(int ordinal, T value) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;

    StagedItems(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Where a release's items go as they are read; {@link #finish()} writes what is still buffered. */
    final class Sink {
        private final List<Object[]> buffer = new ArrayList<>(BATCH);
        private int observations;
        private int retractions;

        Sink() {
            work(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("""
                            create temporary table staged_item (
                                kind      char(1) not null,
                                ordinal   integer not null,
                                indicator text,
                                geo       text,
                                period    text,
                                derived   boolean not null,
                                body      text    not null,
                                primary key (kind, ordinal)
                            ) on commit drop""");
                }
                return null;
            });
        }

        void observation(ObservationInput observation) {
            add(Kind.OBSERVATION, observations++, observation == null ? null : observation.indicator(),
                    observation == null ? null : observation.geo(), observation == null ? null : observation.period(),
                    observation != null && observation.derivation() != null, observation);
        }

        void retraction(RetractionInput retraction) {
            add(Kind.RETRACTION, retractions++, retraction == null ? null : retraction.indicator(),
                    retraction == null ? null : retraction.geo(), retraction == null ? null : retraction.period(),
                    false, retraction);
        }

        int observations() {
            return observations;
        }

        int retractions() {
            return retractions;
        }

        private void add(Kind kind, int ordinal, String indicator, String geo, String period, boolean derived,
                Object item) {
            try {
                buffer.add(new Object[] { kind.code, ordinal, indicator, geo, period, derived, json.writeValueAsString(item) });
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot stage a release item", e);
            }
            if (buffer.size() == BATCH) {
                flush();
            }
        }

        private void flush() {
            if (buffer.isEmpty()) {
                return;
            }
            work(connection -> {
                try (PreparedStatement statement = connection.prepareStatement("""
                        insert into staged_item (kind, ordinal, indicator, geo, period, derived, body)
                        select * from unnest(?::char(1)[], ?::integer[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                                             ?::text[])""")) {
                    String[] types = { "char", "integer", "text", "text", "text", "boolean", "text" };
                    for (int column = 0; column < types.length; column++) {
                        int c = column;
                        statement.setArray(column + 1,
                                connection.createArrayOf(types[column], buffer.stream().map(row -> row[c]).toArray()));
                    }
                    statement.executeUpdate();
                }
                return null;
            });
            buffer.clear();
        }

        /** Writes what is buffered and indexes the points, for the questions asked of the whole release. */
        void finish() {
            flush();
            work(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create index on staged_item (indicator, geo, period)");
                    statement.execute("analyze staged_item");
                }
                return null;
            });
        }
    }

    Sink sink() {
        return new Sink();
    }

    /** The next items of a kind after an ordinal, in order; derived values only, or all. */
    <T> List<Item<T>> read(Kind kind, Class<T> type, int afterOrdinal, int limit, boolean derivedOnly) {
        return work(connection -> {
            List<Item<T>> items = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select ordinal, body from staged_item
                    where kind = ? and ordinal > ? and (derived or not ?)
                    order by ordinal limit ?""")) {
                statement.setString(1, kind.code);
                statement.setInt(2, afterOrdinal);
                statement.setBoolean(3, derivedOnly);
                statement.setInt(4, limit);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        items.add(new Item<>(row.getInt(1), parse(row.getString(2), type)));
                    }
                }
            }
            return items;
        });
    }

    /**
     * The staged items of a kind as a list for one pass in order (the content hash): read a chunk at a time as it is
     * walked, so it never holds more than one chunk.
     */
    <T> List<T> list(Kind kind, Class<T> type, int size, int chunk) {
        return new AbstractList<>() {
            private List<Item<T>> loaded = List.of();
            private int from;

            @Override
            public T get(int index) {
                if (index < from || index >= from + loaded.size()) {
                    loaded = read(kind, type, index - 1, chunk, false);
                    from = index;
                }
                return loaded.get(index - from).value();
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /**
     * The JSON pointers of the items that name a point an earlier item already named: the values first, then the
     * retractions, each in order. At most {@code limit}.
     */
    List<String> repeatedPoints(int limit) {
        return work(connection -> {
            List<String> pointers = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select kind, ordinal from (
                        select kind, ordinal, row_number() over (partition by indicator, geo, period
                                                                 order by kind, ordinal) as nth
                        from staged_item where indicator is not null and geo is not null and period is not null) named
                    where nth > 1 order by kind, ordinal limit ?""")) {
                statement.setInt(1, limit);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        Kind kind = row.getString(1).equals(Kind.OBSERVATION.code) ? Kind.OBSERVATION : Kind.RETRACTION;
                        pointers.add(kind.pointer + row.getInt(2));
                    }
                }
            }
            return pointers;
        });
    }

    /** Which of the points the release names, as a value or a retraction. */
    Set<Point> named(Collection<Point> points) {
        if (points.isEmpty()) {
            return Set.of();
        }
        return work(connection -> {
            Set<Point> named = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement("""
                    select distinct k.indicator, k.geo, k.period
                    from unnest(?::text[], ?::text[], ?::text[]) as k(indicator, geo, period)
                    join staged_item s on s.indicator = k.indicator and s.geo = k.geo and s.period = k.period""")) {
                List<Point> list = new ArrayList<>(points);
                statement.setArray(1, texts(connection, list, Point::indicator));
                statement.setArray(2, texts(connection, list, Point::geo));
                statement.setArray(3, texts(connection, list, Point::period));
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        named.add(new Point(row.getString(1), row.getString(2), row.getString(3)));
                    }
                }
            }
            return named;
        });
    }

    private <T> T parse(String body, Class<T> type) {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A staged release item is not what was staged", e);
        }
    }

    private static java.sql.Array texts(Connection connection, List<Point> points, Function<Point, String> field)
            throws SQLException {
        return connection.createArrayOf("text", points.stream().map(field).toArray());
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T work(Work<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work::run);
    }
}
