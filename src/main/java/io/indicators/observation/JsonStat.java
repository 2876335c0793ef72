package io.indicators.observation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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
import io.indicators.observation.ObservationViews.ObservationSet;
import io.indicators.observation.ObservationViews.ObservationView;

/**
 * An observations answer as a JSON-stat 2.0 dataset, the cube statistical offices and their client libraries read:
 * dimensions indicator (the metric, with its unit), geo and period (time), plus bound (low, high) for a range
 * indicator, values in row-major order with null where a combination has none, each value's status, and its
 * citations, real-time period and written form in {@code extension}, keyed by the value's index.
 */
@Singleton
@Provider
@Produces(JsonStat.MEDIA_TYPE)
public class JsonStat extends Representation {

    public static final String MEDIA_TYPE = "application/json-stat+json";
    static final MediaType MEDIA_TYPE_UTF8 = new MediaType("application", "json-stat+json", "UTF-8");

    private final ObjectMapper json;

    JsonStat(ObjectMapper json) {
        super(MEDIA_TYPE_UTF8, ObservationSet.class);
        this.json = json;
    }

    @Override
    public boolean singleLanguage() {
        return true;
    }

    @Override
    public byte[] write(Object entity, String language) {
        try {
            return json.writeValueAsBytes(dataset((ObservationSet) entity, "ko".equals(language)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a JSON-stat dataset", e);
        }
    }

    ObjectNode dataset(ObservationSet set, boolean korean) {
        String name = korean ? set.indicator().name().ko() : set.indicator().name().en();
        List<ObservationView> values = set.observations();
        boolean range = values.stream().anyMatch(v -> v.value() == null && v.low() != null);
        List<String> geos = new ArrayList<>(new TreeSet<>(values.stream().map(ObservationView::geo).toList()));
        List<String> periods = values.stream().map(ObservationView::period).distinct()
                .sorted(Comparator.comparing((String p) -> ReferencePeriod.parse(p).start())
                        .thenComparing(p -> ReferencePeriod.parse(p).end()))
                .toList();
        List<String> bounds = range ? List.of("low", "high") : List.of();

        ObjectNode dataset = json.createObjectNode();
        dataset.put("version", "2.0");
        dataset.put("class", "dataset");
        dataset.put("label", name);
        if (set.release() != null) {
            dataset.put("updated", set.release().releasedAt().toString());
        }
        ArrayNode id = dataset.putArray("id").add("indicator").add("geo").add("period");
        ArrayNode size = dataset.putArray("size").add(1).add(geos.size()).add(periods.size());
        if (range) {
            id.add("bound");
            size.add(2);
        }
        ObjectNode dimension = dataset.putObject("dimension");
        ObjectNode indicator = category(dimension, "indicator", korean ? "지표" : "Indicator", List.of(set.indicator().id()));
        indicator.with("category").putObject("label").put(set.indicator().id(), name);
        indicator.with("category").putObject("unit").putObject(set.indicator().id())
                .put("label", set.indicator().unit().code()).put("decimals", decimals(values));
        category(dimension, "geo", korean ? "지역" : "Geography", geos);
        category(dimension, "period", korean ? "기준 기간" : "Reference period", periods);
        if (range) {
            category(dimension, "bound", korean ? "범위의 하한과 상한" : "Bound of a range", bounds);
        }
        ObjectNode role = dataset.putObject("role");
        role.putArray("time").add("period");
        role.putArray("geo").add("geo");
        role.putArray("metric").add("indicator");

        int cells = geos.size() * periods.size() * Math.max(1, bounds.size());
        List<BigDecimal> cube = new ArrayList<>(java.util.Collections.nCopies(cells, (BigDecimal) null));
        Map<Integer, String> status = new LinkedHashMap<>();
        ObjectNode notes = json.createObjectNode();
        for (ObservationView v : values) {
            int at = (geos.indexOf(v.geo()) * periods.size() + periods.indexOf(v.period())) * Math.max(1, bounds.size());
            if (range) {
                cube.set(at, v.low());
                cube.set(at + 1, v.high());
                status.put(at, v.status());
                status.put(at + 1, v.status());
            } else {
                cube.set(at, v.value());
                status.put(at, v.status());
            }
            notes.set(Integer.toString(at), json.valueToTree(Map.of("release", v.release(),
                    "realtimeStart", v.realtimeStart().toString(), "periodBasis", v.periodBasis(),
                    "citations", v.citations())));
            if (v.asStated() != null) {
                ((ObjectNode) notes.get(Integer.toString(at))).set("asStated", json.valueToTree(v.asStated()));
            }
        }
        ArrayNode value = dataset.putArray("value");
        cube.forEach(value::add);
        ObjectNode statuses = dataset.putObject("status");
        status.forEach((index, s) -> statuses.put(Integer.toString(index), s));
        ObjectNode extension = dataset.putObject("extension");
        if (set.asOf() != null) {
            extension.put("asOf", set.asOf().toString());
        }
        if (set.publishedBy() != null) {
            extension.put("publishedBy", set.publishedBy());
        }
        extension.set("values", notes);
        return dataset;
    }

    private ObjectNode category(ObjectNode dimension, String name, String label, List<String> categories) {
        ObjectNode node = dimension.putObject(name);
        node.put("label", label);
        ObjectNode index = node.putObject("category").putObject("index");
        for (int i = 0; i < categories.size(); i++) {
            index.put(categories.get(i), i);
        }
        return node;
    }

    /** The most decimals any value is stated with: how many a client should show. */
    private static int decimals(List<ObservationView> values) {
        return values.stream().flatMap(v -> java.util.stream.Stream.of(v.value(), v.low(), v.high()))
                .filter(java.util.Objects::nonNull).mapToInt(n -> Math.max(0, n.stripTrailingZeros().scale()))
                .max().orElse(0);
    }

}
