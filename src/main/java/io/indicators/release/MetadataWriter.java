package io.indicators.release;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.indicators.common.api.DatePublished;
import io.indicators.common.api.KoreanEnglish;
import io.indicators.common.api.OriginalText;
import io.indicators.release.ReleaseRequest.DocumentInput;
import io.indicators.release.ReleaseRequest.IndicatorInput;
import io.indicators.release.ReleaseRequest.PublicationInput;

/**
 * Indicators, documents and publications as releases describe them. What a release says about one is appended as a
 * version when it differs from the current one (which is closed at the release's time), so every earlier answer
 * can be given again; an unchanged description appends nothing.
 */
@ApplicationScoped
class MetadataWriter {

    /** What the catalogue already says about the things a release names, for checking the release against it. */
    record Known(Map<String, KnownIndicator> indicators, Map<String, String> documentSha256, Set<String> publications) {
    }

    record KnownIndicator(String unitCode, String valueKind) {
    }

    /** A metadata table: its identity table, version table and the described columns, text or text[]. */
    private record Table(String name, List<String> columns, Set<String> arrays) {
        String versions() {
            return name + "_version";
        }
    }

    private static final Table INDICATOR = new Table("indicator", List.of("name_ko", "name_en", "description_ko",
            "description_en", "unit_code", "frequency", "value_kind", "topics"), Set.of("topics"));
    private static final Table DOCUMENT = new Table("document", List.of("file_name", "sha256", "publisher_original",
            "publisher_en", "title_original", "title_en", "authors", "language", "url", "published_date",
            "published_precision", "published_basis", "published_evidence", "note"), Set.of("authors"));
    private static final Table PUBLICATION = new Table("publication", List.of("publisher_original", "publisher_en",
            "title_original", "title_en", "kind", "url", "published_date", "published_precision", "published_basis",
            "published_evidence", "cadence", "next_expected_date", "next_expected_precision", "next_expected_basis",
            "next_expected_evidence"), Set.of());

    private final EntityManager entityManager;

    MetadataWriter(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Three statements: the current versions of the named indicators, documents and publications. */
    Known known(Collection<String> indicatorIds, Collection<String> documentIds, Collection<String> publicationIds) {
        return work(connection -> {
            Map<String, KnownIndicator> indicators = new HashMap<>();
            current(connection, INDICATOR, indicatorIds)
                    .forEach((id, row) -> indicators.put(id, new KnownIndicator((String) row.get(4), (String) row.get(6))));
            Map<String, String> documents = new HashMap<>();
            current(connection, DOCUMENT, documentIds).forEach((id, row) -> documents.put(id, (String) row.get(1)));
            return new Known(indicators, documents, current(connection, PUBLICATION, publicationIds).keySet());
        });
    }

    /** Appends a version of everything the release describes differently from the catalogue now. */
    void write(Release release, ReleaseRequest request) {
        work(connection -> {
            append(connection, release, DOCUMENT, byId(request.documents(), DocumentInput::id, MetadataWriter::columns));
            append(connection, release, PUBLICATION,
                    byId(request.publications(), PublicationInput::id, MetadataWriter::columns));
            append(connection, release, INDICATOR, byId(request.indicators(), IndicatorInput::id, MetadataWriter::columns));
            return null;
        });
    }

    private static <T> Map<String, List<Object>> byId(List<T> inputs, Function<T, String> id,
            Function<T, List<Object>> columns) {
        Map<String, List<Object>> rows = new LinkedHashMap<>();
        inputs.forEach(input -> rows.put(id.apply(input), columns.apply(input)));
        return rows;
    }

    private static List<Object> columns(IndicatorInput input) {
        KoreanEnglish description = input.description();
        return Arrays.asList(input.name().ko(), input.name().en(), description == null ? null : description.ko(),
                description == null ? null : description.en(), input.unit().code(), input.frequency(),
                input.valueKind(), input.topics() == null ? List.of() : List.copyOf(input.topics()));
    }

    private static List<Object> columns(DocumentInput input) {
        List<Object> columns = new ArrayList<>(Arrays.asList(input.fileName(), input.sha256(),
                input.publisher().original(), input.publisher().en(), input.title().original(), input.title().en(),
                input.authors() == null ? List.of() : List.copyOf(input.authors()), input.language(), input.url()));
        columns.addAll(date(input.published()));
        columns.add(input.note());
        return columns;
    }

    private static List<Object> columns(PublicationInput input) {
        OriginalText publisher = input.publisher();
        List<Object> columns = new ArrayList<>(Arrays.asList(publisher.original(), publisher.en(),
                input.title().original(), input.title().en(), input.kind(), input.url()));
        columns.addAll(date(input.published()));
        columns.add(input.cadence());
        columns.addAll(input.nextExpected() == null ? Arrays.asList(null, null, null, null) : date(input.nextExpected()));
        return columns;
    }

    /** An unknown date has no precision, whatever the publisher sent with it. */
    private static List<Object> date(DatePublished date) {
        boolean unknown = "unknown".equals(date.basis());
        return Arrays.asList(date.date(), unknown ? null : date.precision(), date.basis(), date.evidence());
    }

    private static void append(Connection connection, Release release, Table table, Map<String, List<Object>> described)
            throws SQLException {
        if (described.isEmpty()) {
            return;
        }
        Map<String, List<Object>> current = current(connection, table, described.keySet());
        Map<String, List<Object>> changed = new LinkedHashMap<>(described);
        changed.entrySet().removeIf(entry -> Objects.equals(current.get(entry.getKey()), entry.getValue()));
        if (changed.isEmpty()) {
            return;
        }
        var releasedAt = release.releasedAt.atOffset(ZoneOffset.UTC);
        try (PreparedStatement identity = connection.prepareStatement(
                "insert into " + table.name() + " (id) values (?) on conflict (id) do nothing");
                PreparedStatement close = connection.prepareStatement("update " + table.versions()
                        + " set realtime_end = ? where id = ? and realtime_end is null");
                PreparedStatement insert = connection.prepareStatement("insert into " + table.versions()
                        + " (id, release_id, realtime_start, " + String.join(", ", table.columns()) + ") values (?, ?, ?"
                        + ", ?".repeat(table.columns().size()) + ")")) {
            for (var entry : changed.entrySet()) {
                identity.setString(1, entry.getKey());
                identity.addBatch();
                close.setObject(1, releasedAt);
                close.setString(2, entry.getKey());
                close.addBatch();
                insert.setString(1, entry.getKey());
                insert.setString(2, release.id);
                insert.setObject(3, releasedAt);
                for (int i = 0; i < table.columns().size(); i++) {
                    Object value = entry.getValue().get(i);
                    if (value instanceof List<?> list) {
                        insert.setArray(i + 4, connection.createArrayOf("text", list.toArray()));
                    } else {
                        insert.setString(i + 4, (String) value);
                    }
                }
                insert.addBatch();
            }
            identity.executeBatch();
            close.executeBatch();
            insert.executeBatch();
        }
    }

    /** The current version of each named row, its described columns in the table's order. */
    private static Map<String, List<Object>> current(Connection connection, Table table, Collection<String> ids)
            throws SQLException {
        Map<String, List<Object>> rows = new HashMap<>();
        List<String> named = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (named.isEmpty()) {
            return rows;
        }
        try (PreparedStatement statement = connection.prepareStatement("select id, " + String.join(", ", table.columns())
                + " from " + table.versions() + " where id = any (?) and realtime_end is null")) {
            statement.setArray(1, connection.createArrayOf("text", named.toArray()));
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    List<Object> columns = new ArrayList<>(table.columns().size());
                    for (int i = 0; i < table.columns().size(); i++) {
                        if (table.arrays().contains(table.columns().get(i))) {
                            Array array = row.getArray(i + 2);
                            columns.add(List.of((Object[]) array.getArray()));
                        } else {
                            columns.add(row.getString(i + 2));
                        }
                    }
                    rows.put(row.getString(1), columns);
                }
            }
        }
        return rows;
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs on the connection of the current transaction. */
    private <T> T work(Work<T> work) {
        return entityManager.unwrap(Session.class).doReturningWork(work::run);
    }
}
