package io.indicators.observation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import io.indicators.common.http.Representation;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.observation.ObservationViews.CitationView;
import io.indicators.observation.ObservationViews.ObservationSet;
import io.indicators.observation.ObservationViews.ObservationView;

/**
 * Observations as an SDMX-CSV 2.0 data message, for SDMX tools. The mapping to an SDMX data structure (documented in
 * the README): one dataflow per indicator, {@code INDICATOR_API:DF_<INDICATOR>(1.0)}; dimensions REF_AREA (geo),
 * TIME_PERIOD (SDMX's own period forms; an interval as start/duration) and, for a range indicator, BOUND (LOW, HIGH);
 * measure OBS_VALUE in base units; attributes UNIT_MEASURE, UNIT_MULT (always 0: values are never scaled),
 * OBS_STATUS (CL_OBS_STATUS: A normal, E estimated, F forecast), OBS_STATUS_DETAIL (this API's status, which also
 * says derived), and the citation: DOCUMENT, DOCUMENT_SHA256, QUOTE, QUOTE_START, QUOTE_END, PUBLICATION.
 */
@Singleton
@Provider
@Produces(SdmxCsv.MEDIA_TYPE)
public class SdmxCsv extends Representation {

    public static final String MEDIA_TYPE = "application/vnd.sdmx.data+csv;version=2.0.0";
    static final MediaType MEDIA_TYPE_VERSIONED = new MediaType("application", "vnd.sdmx.data+csv",
            Map.of("version", "2.0.0", "charset", "UTF-8"));
    static final String AGENCY = "INDICATOR_API";

    /** This API's status as SDMX's CL_OBS_STATUS code; SDMX has no code for derived, which is a normal value. */
    static final Map<String, String> OBS_STATUS = Map.of("observed", "A", "estimated", "E", "projected", "F",
            "derived", "A");

    private final CsvMapper csv = CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    SdmxCsv() {
        super(MEDIA_TYPE_VERSIONED, ObservationSet.class);
    }

    @Override
    public byte[] write(Object entity, String language) {
        ObservationSet set = (ObservationSet) entity;
        boolean range = set.observations().stream().anyMatch(v -> v.value() == null && v.low() != null);
        List<String> columns = new ArrayList<>(List.of("STRUCTURE", "STRUCTURE_ID", "REF_AREA", "TIME_PERIOD"));
        if (range) {
            columns.add("BOUND");
        }
        columns.addAll(List.of("OBS_VALUE", "UNIT_MEASURE", "UNIT_MULT", "OBS_STATUS", "OBS_STATUS_DETAIL", "DOCUMENT",
                "DOCUMENT_SHA256", "QUOTE", "QUOTE_START", "QUOTE_END", "PUBLICATION"));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        columns.forEach(schema::addColumn);
        String structureId = AGENCY + ":DF_" + set.indicator().id().toUpperCase().replace('-', '_') + "(1.0)";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SequenceWriter rows = csv.writer(schema.build()).writeValues(out)) {
            for (ObservationView v : set.observations()) {
                if (v.retracted()) {
                    continue;
                }
                if (range) {
                    rows.write(row(structureId, set, v, "LOW", v.low()));
                    rows.write(row(structureId, set, v, "HIGH", v.high()));
                } else {
                    rows.write(row(structureId, set, v, null, v.value()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Object[] row(String structureId, ObservationSet set, ObservationView v, String bound, BigDecimal value) {
        CitationView citation = v.citations().isEmpty() ? null : v.citations().getFirst();
        List<Object> row = new ArrayList<>(List.of("dataflow", structureId, v.geo(), timePeriod(v.period())));
        if (bound != null) {
            row.add(bound);
        }
        row.add(value == null ? null : value.toPlainString());
        row.add(set.indicator().unit().code());
        row.add("0");
        row.add(OBS_STATUS.getOrDefault(v.status(), "A"));
        row.add(v.status());
        row.add(citation == null ? null : citation.document().id());
        row.add(citation == null ? null : citation.document().sha256());
        row.add(citation == null ? null : citation.quote());
        row.add(citation == null ? null : Integer.toString(citation.selectors().textPosition().start()));
        row.add(citation == null ? null : Integer.toString(citation.selectors().textPosition().end()));
        row.add(citation == null || citation.publication() == null ? null : citation.publication().id());
        return row.toArray();
    }

    /**
     * SDMX writes a year, quarter, month or day as this API does (2023, 2023-Q4, 2024-10, 2024-10-05); an interval is
     * its first day and an ISO 8601 duration: 2014/2023 is 2014-01-01/P10Y.
     */
    static String timePeriod(String period) {
        if (period.indexOf('/') < 0) {
            return period;
        }
        ReferencePeriod span = ReferencePeriod.parse(period);
        LocalDate after = span.end().plusDays(1);
        Period length = Period.between(span.start(), after);
        return span.start() + "/" + length;
    }

}
