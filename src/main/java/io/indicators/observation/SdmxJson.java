package io.indicators.observation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.indicators.common.http.Representation;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.observation.ObservationViews.CitationView;
import io.indicators.observation.ObservationViews.ObservationSet;
import io.indicators.observation.ObservationViews.ObservationView;

/**
 * Observations as an SDMX-JSON 2.0.0 data message (SDMX 3.0), with the same data structure as {@link SdmxCsv}: one
 * dataflow per indicator; dimensions REF_AREA, BOUND (ranges only) and TIME_PERIOD, all at observation level (a flat
 * view, SDMX's {@code dimensionAtObservation=AllDimensions}); measure OBS_VALUE in base units; the attributes, the
 * citation included, at observation level. Uncoded attributes list their values once and observations refer to them
 * by index, so a quote cited by many values is written once. {@code prepared} is the time of the release the answer
 * reflects, not the time of the request, so the same question gets the same bytes.
 */
@Singleton
@Provider
@Produces(SdmxJson.MEDIA_TYPE)
public class SdmxJson extends Representation {

    public static final String MEDIA_TYPE = "application/vnd.sdmx.data+json;version=2.0.0";
    static final MediaType MEDIA_TYPE_VERSIONED = new MediaType("application", "vnd.sdmx.data+json",
            Map.of("version", "2.0.0", "charset", "UTF-8"));
    static final String SCHEMA = "https://raw.githubusercontent.com/sdmx-twg/sdmx-json/v2.0.0/data-message/tools/schemas/2.0.0/sdmx-json-data-schema.json";
    private static final Map<String, String> OBS_STATUS_NAMES = Map.of("A", "Normal value", "E", "Estimated value",
            "F", "Forecast value");

    private final ObjectMapper json;

    SdmxJson(ObjectMapper json) {
        super(MEDIA_TYPE_VERSIONED, ObservationSet.class);
        this.json = json;
    }

    @Override
    public boolean singleLanguage() {
        return true;
    }

    @Override
    public byte[] write(Object entity, String language) {
        try {
            return json.writeValueAsBytes(message((ObservationSet) entity, "ko".equals(language) ? "ko" : "en"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an SDMX-JSON message", e);
        }
    }

    /** A component's values in the order first met, each an index in the message. */
    private static final class Values {
        private final Map<String, Integer> index = new LinkedHashMap<>();

        int of(String value) {
            return index.computeIfAbsent(value, v -> index.size());
        }

        List<String> all() {
            return List.copyOf(index.keySet());
        }
    }

    private ObjectNode message(ObservationSet set, String language) {
        List<ObservationView> values = set.observations().stream().filter(v -> !v.retracted()).toList();
        boolean range = values.stream().anyMatch(v -> v.value() == null && v.low() != null);
        Values areas = new Values();
        Values periods = new Values();
        Values bounds = new Values();
        List<String> attributeIds = List.of("UNIT_MEASURE", "UNIT_MULT", "OBS_STATUS", "OBS_STATUS_DETAIL", "DOCUMENT",
                "DOCUMENT_SHA256", "QUOTE", "QUOTE_START", "QUOTE_END", "PUBLICATION");
        Map<String, Values> attributes = new LinkedHashMap<>();
        attributeIds.forEach(id -> attributes.put(id, new Values()));
        // First every value each attribute takes, in the order met; an attribute that no observation has is left out
        // of the message (the schema wants a values list to have an item; readers want one on every component).
        for (ObservationView v : values) {
            CitationView citation = v.citations().isEmpty() ? null : v.citations().getFirst();
            for (String id : attributeIds) {
                String text = attribute(id, set, v, citation);
                if (text != null) {
                    attributes.get(id).of(text);
                }
            }
        }
        List<String> presented = attributeIds.stream().filter(id -> !attributes.get(id).all().isEmpty()).toList();
        ObjectNode observations = json.createObjectNode();
        for (ObservationView v : values) {
            CitationView citation = v.citations().isEmpty() ? null : v.citations().getFirst();
            for (String bound : range ? List.of("LOW", "HIGH") : List.of("")) {
                List<Integer> key = new ArrayList<>(List.of(areas.of(v.geo())));
                if (range) {
                    key.add(bounds.of(bound));
                }
                key.add(periods.of(v.period()));
                BigDecimal measure = switch (bound) {
                    case "LOW" -> v.low();
                    case "HIGH" -> v.high();
                    default -> v.value();
                };
                ArrayNode observation = observations.putArray(String.join(":", key.stream().map(String::valueOf).toList()));
                observation.add(measure);
                for (String id : presented) {
                    String text = attribute(id, set, v, citation);
                    if (text == null) {
                        observation.addNull();
                    } else {
                        observation.add(attributes.get(id).of(text));
                    }
                }
            }
        }
        ObjectNode message = json.createObjectNode();
        ObjectNode meta = message.putObject("meta");
        meta.put("schema", SCHEMA);
        meta.put("id", set.indicator().id() + (set.release() == null ? "" : "@" + set.release().id()));
        meta.put("test", false);
        Instant prepared = set.release() != null ? set.release().releasedAt()
                : set.asOf() != null ? set.asOf() : Instant.EPOCH;
        meta.put("prepared", prepared.toString());
        meta.putArray("contentLanguages").add(language);
        ObjectNode sender = meta.putObject("sender");
        sender.put("id", SdmxCsv.AGENCY);
        sender.put("name", "Indicator API");

        ObjectNode data = message.putObject("data");
        ObjectNode structure = data.putArray("structures").addObject();
        String dataflow = "DF_" + set.indicator().id().toUpperCase().replace('-', '_');
        String dataflowUrn = "urn:sdmx:org.sdmx.infomodel.datastructure.Dataflow=" + SdmxCsv.AGENCY + ":" + dataflow
                + "(1.0)";
        ObjectNode link = structure.putArray("links").addObject();
        link.put("urn", dataflowUrn);
        link.put("rel", "dataflow");
        String name = "ko".equals(language) ? set.indicator().name().ko() : set.indicator().name().en();
        structure.put("name", name);
        structure.putObject("names").put(language, name);

        ObjectNode dimensions = structure.putObject("dimensions");
        dimensions.putArray("dataSet");
        dimensions.putArray("series");
        ArrayNode atObservation = dimensions.putArray("observation");
        int position = 0;
        ObjectNode area = component(atObservation, "REF_AREA", "Reference area");
        area.put("keyPosition", position++);
        area.putArray("roles").add("REF_AREA");
        ArrayNode areaValues = area.putArray("values");
        areas.all().forEach(code -> coded(areaValues, code, code));
        if (range) {
            ObjectNode bound = component(atObservation, "BOUND", "Bound of a range");
            bound.put("keyPosition", position++);
            ArrayNode boundValues = bound.putArray("values");
            bounds.all().forEach(code -> coded(boundValues, code, code.equals("LOW") ? "Low" : "High"));
        }
        ObjectNode time = component(atObservation, "TIME_PERIOD", "Time period");
        time.put("keyPosition", position);
        time.putArray("roles").add("TIME_PERIOD");
        ArrayNode timeValues = time.putArray("values");
        for (String period : periods.all()) {
            ReferencePeriod span = ReferencePeriod.parse(period);
            ObjectNode value = coded(timeValues, SdmxCsv.timePeriod(period), period);
            value.put("start", span.start().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
            value.put("end", span.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1).toString());
        }

        ObjectNode measure = component(structure.putObject("measures").putArray("observation"), "OBS_VALUE",
                "Observation value, in base units");
        measure.putObject("format").put("dataType", "Decimal");

        ObjectNode attributeLevels = structure.putObject("attributes");
        attributeLevels.putArray("dataSet");
        attributeLevels.putArray("series");
        ArrayNode attributeComponents = attributeLevels.putArray("observation");
        for (String id : presented) {
            ObjectNode component = component(attributeComponents, id, attributeName(id));
            component.putObject("relationship").putObject("observation");
            boolean coded = id.equals("UNIT_MEASURE") || id.equals("UNIT_MULT") || id.startsWith("OBS_STATUS");
            if (!coded) {
                component.putObject("format").put("dataType", id.startsWith("QUOTE_") ? "Integer" : "String");
            }
            ArrayNode list = component.putArray("values");
            for (String value : attributes.get(id).all()) {
                if (coded) {
                    coded(list, value, id.equals("OBS_STATUS") ? OBS_STATUS_NAMES.get(value) : value);
                } else {
                    // Positions too are written as text: the 2.0.0 schema's value is one of number and integer,
                    // which an integer matches both of, so no JSON integer validates there.
                    list.addObject().put("value", value);
                }
            }
        }
        structure.putArray("dataSets").add(0);

        ObjectNode dataSet = data.putArray("dataSets").addObject();
        dataSet.put("structure", 0);
        ObjectNode dataSetLink = dataSet.putArray("links").addObject();
        dataSetLink.put("urn", dataflowUrn);
        dataSetLink.put("rel", "dataflow");
        dataSet.put("action", "Information");
        dataSet.set("observations", observations);
        return message;
    }

    private static String attribute(String id, ObservationSet set, ObservationView v, CitationView citation) {
        return switch (id) {
            case "UNIT_MEASURE" -> set.indicator().unit().code();
            case "UNIT_MULT" -> "0";
            case "OBS_STATUS" -> SdmxCsv.OBS_STATUS.getOrDefault(v.status(), "A");
            case "OBS_STATUS_DETAIL" -> v.status();
            case "DOCUMENT" -> citation == null ? null : citation.document().id();
            case "DOCUMENT_SHA256" -> citation == null ? null : citation.document().sha256();
            case "QUOTE" -> citation == null ? null : citation.quote();
            case "QUOTE_START" -> citation == null ? null : Integer.toString(citation.selectors().textPosition().start());
            case "QUOTE_END" -> citation == null ? null : Integer.toString(citation.selectors().textPosition().end());
            case "PUBLICATION" -> citation == null || citation.publication() == null ? null : citation.publication().id();
            default -> throw new IllegalArgumentException(id);
        };
    }

    private static String attributeName(String id) {
        return switch (id) {
            case "UNIT_MEASURE" -> "Unit of measure";
            case "UNIT_MULT" -> "Unit multiplier (always 0: values are in base units)";
            case "OBS_STATUS" -> "Observation status";
            case "OBS_STATUS_DETAIL" -> "Status in this API (observed, estimated, projected, derived)";
            case "DOCUMENT" -> "Document that states the value";
            case "DOCUMENT_SHA256" -> "SHA-256 of the document's text";
            case "QUOTE" -> "Verbatim quote";
            case "QUOTE_START" -> "Quote start, in code points of the document's text";
            case "QUOTE_END" -> "Quote end, exclusive";
            case "PUBLICATION" -> "Primary publication the document cites";
            default -> id;
        };
    }

    private static ObjectNode component(ArrayNode level, String id, String name) {
        ObjectNode component = level.addObject();
        component.put("id", id);
        component.put("name", name);
        component.putObject("names").put("en", name);
        return component;
    }

    private static ObjectNode coded(ArrayNode values, String id, String name) {
        ObjectNode value = values.addObject();
        value.put("id", id);
        value.put("name", name);
        return value;
    }
}
