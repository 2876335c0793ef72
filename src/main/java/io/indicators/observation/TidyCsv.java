package io.indicators.observation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.indicators.common.api.AsStated;
import io.indicators.common.api.KoreanEnglish;
import io.indicators.common.api.Page;
import io.indicators.common.http.Representation;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.observation.ObservationViews.Change;
import io.indicators.observation.ObservationViews.CitationView;
import io.indicators.observation.ObservationViews.ObservationSet;
import io.indicators.observation.ObservationViews.ObservationView;
import io.indicators.observation.ObservationViews.ReleaseChanges;
import io.indicators.observation.ObservationViews.ValueHistory;
import io.indicators.observation.ObservationViews.ValueState;

/**
 * Values as one tidy table (RFC 4180, UTF-8, a header row): one row per value, with its unit, status, real-time
 * period and the citation that states it on the same row, so {@code pandas.read_csv(url)} gives the numbers and
 * their quotes in one step. Observations, a value's history, a release's changes and the change feed have it; a
 * change list adds which change each row is. A value with several citations shows its first and how many it has.
 */
@Singleton
@Provider
@Produces(TidyCsv.TEXT_CSV)
public class TidyCsv extends Representation {

    public static final String TEXT_CSV = "text/csv";
    static final MediaType TEXT_CSV_TYPE = new MediaType("text", "csv", "UTF-8");

    private static final List<String> VALUE_COLUMNS = List.of("indicator", "indicator_name", "geo", "period", "period_start",
            "period_end", "value", "low", "high", "unit", "status", "period_basis", "as_stated", "retracted",
            "realtime_start", "realtime_end", "release", "reason", "document", "document_sha256", "quote",
            "quote_start", "quote_end", "verification", "publication", "citation_count");
    private static final List<String> CHANGE_COLUMNS = List.of("change_id", "change");

    /** Quotes only the fields that need it (a comma, a quote, a line break): what spreadsheets write. */
    private final CsvMapper csv = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();
    private final CsvSchema values = schema(VALUE_COLUMNS);
    private final CsvSchema changes = schema(concat(CHANGE_COLUMNS, VALUE_COLUMNS));

    TidyCsv() {
        super(TEXT_CSV_TYPE, ObservationSet.class, ValueHistory.class, ReleaseChanges.class, Page.class);
    }

    private static CsvSchema schema(List<String> columns) {
        CsvSchema.Builder builder = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        columns.forEach(builder::addColumn);
        return builder.build();
    }

    /** A page is a table only when it is a page of changes. */
    @Override
    public boolean writes(Object entity) {
        return entity instanceof Page<?> page ? page.items().stream().allMatch(Change.class::isInstance)
                : super.writes(entity);
    }

    @Override
    public boolean singleLanguage() {
        return true;
    }

    @Override
    public byte[] write(Object entity, String language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            switch (entity) {
                case ObservationSet set -> writeValues(out, set.indicator().id(), name(set.indicator().name(), language),
                        set.observations());
                case ValueHistory history -> writeValues(out, history.indicator().id(),
                        name(history.indicator().name(), language), history.versions());
                case ReleaseChanges release -> writeChanges(out, release.changes(), language);
                case Page<?> page -> writeChanges(out, page.items().stream().map(Change.class::cast).toList(), language);
                default -> throw new IllegalArgumentException("No CSV for " + entity.getClass().getSimpleName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String name(KoreanEnglish name, String language) {
        return "ko".equals(language) ? name.ko() : name.en();
    }

    private void writeValues(OutputStream out, String indicator, String indicatorName, List<ObservationView> observations)
            throws IOException {
        try (SequenceWriter rows = csv.writer(values).writeValues(out)) {
            for (ObservationView o : observations) {
                rows.write(row(indicator, indicatorName, o.geo(), o.period(), o.value(), o.low(), o.high(), o.unit().code(),
                        o.status(), o.periodBasis() == null ? null : o.periodBasis().basis(), asStated(o.asStated()),
                        o.retracted(), o.realtimeStart(), o.realtimeEnd(), o.release(), o.reason(), o.citations())
                        .toArray());
            }
        }
    }

    private void writeChanges(OutputStream out, List<Change> list, String language) throws IOException {
        try (SequenceWriter rows = csv.writer(changes).writeValues(out)) {
            for (Change c : list) {
                ValueState state = c.current();
                List<Object> row = new ArrayList<>(List.of(c.id(), c.kind()));
                row.addAll(row(c.indicator(), name(c.indicatorName(), language), c.geo(), c.period(),
                        state == null ? null : state.value(),
                        state == null ? null : state.low(), state == null ? null : state.high(), c.unit().code(),
                        state == null ? null : state.status(), null, null, state == null, c.realtimeStart(), null,
                        c.release(), c.reason(), c.citations()));
                rows.write(row.toArray());
            }
        }
    }

    private static List<Object> row(String indicator, String indicatorName, String geo, String period, BigDecimal value,
            BigDecimal low, BigDecimal high, String unit, String status, String periodBasis, String asStated,
            boolean retracted, Instant realtimeStart, Instant realtimeEnd, String release, String reason,
            List<CitationView> citations) {
        CitationView first = citations.isEmpty() ? null : citations.getFirst();
        return row(indicator, indicatorName, geo, period, value, low, high, unit, status, periodBasis, asStated, retracted,
                realtimeStart, realtimeEnd, release, reason, first == null ? null : first.document().id(),
                first == null ? null : first.document().sha256(), first == null ? null : first.quote(),
                first == null ? null : first.selectors().textPosition().start(),
                first == null ? null : first.selectors().textPosition().end(),
                first == null ? null : first.verification().status(),
                first == null || first.publication() == null ? null : first.publication().id(), citations.size());
    }

    /** One value row, its first citation given field by field (a snapshot reads them straight from SQL). */
    static List<Object> row(String indicator, String indicatorName, String geo, String period, BigDecimal value,
            BigDecimal low, BigDecimal high, String unit, String status, String periodBasis, String asStated,
            boolean retracted, Instant realtimeStart, Instant realtimeEnd, String release, String reason,
            String document, String documentSha256, String quote, Integer quoteStart, Integer quoteEnd,
            String verification, String publication, int citationCount) {
        ReferencePeriod span = ReferencePeriod.parse(period);
        List<Object> row = new ArrayList<>(VALUE_COLUMNS.size());
        row.addAll(List.of(indicator, indicatorName, geo, period, span.start().toString(), span.end().toString()));
        row.add(plain(value));
        row.add(plain(low));
        row.add(plain(high));
        row.add(unit);
        row.add(status);
        row.add(periodBasis);
        row.add(asStated);
        row.add(Boolean.toString(retracted));
        row.add(realtimeStart == null ? null : realtimeStart.toString());
        row.add(realtimeEnd == null ? null : realtimeEnd.toString());
        row.add(release);
        row.add(reason);
        row.add(document);
        row.add(documentSha256);
        row.add(quote);
        row.add(quoteStart == null ? null : quoteStart.toString());
        row.add(quoteEnd == null ? null : quoteEnd.toString());
        row.add(verification);
        row.add(publication);
        row.add(Integer.toString(citationCount));
        return row;
    }

    /** A writer of value rows (with the header) onto a stream: a snapshot writes millions without holding them. */
    SequenceWriter valueRows(OutputStream out) throws IOException {
        return csv.writer(values).writeValues(out);
    }

    /** As a plain decimal: a spreadsheet reads 260000, not 2.6E+5. */
    private static String plain(BigDecimal number) {
        return number == null ? null : number.toPlainString();
    }

    private static String asStated(AsStated stated) {
        return stated == null ? null : stated.text();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

}
