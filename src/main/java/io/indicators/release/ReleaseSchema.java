package io.indicators.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.indicators.common.problem.ProblemError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;

/**
 * The contract's own schemas for the parts of a release (META-INF/openapi.yaml, the document /q/openapi serves),
 * checked at run time against each part as it is read. The contract is where a release's shape is written down, for
 * the SDKs generated from it and for this service alike, so the two cannot disagree; ReleaseValidator checks only
 * what a schema cannot say (references, immutability, derivations, quotes against texts).
 */
// Application-scoped, so it is built (the contract parsed, about 28 ms natively) on its first check rather than when
// the seed loader that holds it is: a serving pod, or a restart whose seeds are applied, never checks one at start.
@ApplicationScoped
public class ReleaseSchema {

    /** The schemas a release is read with, by their names in the contract. */
    public enum Part {
        RELEASE("ReleaseRequest"),
        HEADER("ReleaseHeader"),
        DOCUMENT("DocumentInput"),
        PUBLICATION("PublicationInput"),
        INDICATOR("IndicatorInput"),
        OBSERVATION("ObservationInput"),
        RETRACTION("RetractionInput"),
        DOCUMENT_TEXT("DocumentText");

        final String component;

        Part(String component) {
            this.component = component;
        }
    }

    private static final String CONTRACT = "urn:indicator-api:contract";
    private static final String RESOURCE = "META-INF/openapi.yaml";
    /** Vert.x names a missing property in quotes: Instance does not have required property "periodBasis". */
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private final Map<Part, Validator> validators = new EnumMap<>(Part.class);

    /** Not in the constructor: the client proxy, created with the seed loader, runs that too. */
    @PostConstruct
    void load() {
        JsonNode schemas = contract().path("components").path("schemas");
        if (!(schemas instanceof ObjectNode components)) {
            throw new IllegalStateException(RESOURCE + " has no components.schemas");
        }
        JsonSchemaOptions options = new JsonSchemaOptions().setDraft(Draft.DRAFT4).setBaseUri(CONTRACT)
                .setOutputFormat(OutputFormat.Basic);
        SchemaRepository repository = SchemaRepository.create(options);
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.putObject("components").set("schemas", jsonSchema(components));
        repository.dereference(CONTRACT, JsonSchema.of(CONTRACT, (JsonObject) vertx(document)));
        for (Part part : Part.values()) {
            if (!components.has(part.component)) {
                throw new IllegalStateException(RESOURCE + " has no schema " + part.component);
            }
            validators.put(part, repository.validator(
                    JsonSchema.of(new JsonObject().put("$ref", CONTRACT + "#/components/schemas/" + part.component)),
                    options));
        }
    }

    /**
     * What in {@code instance} the contract's schema of {@code part} refuses, each error at the JSON pointer of the
     * offending value in the whole release ({@code at} is where the instance sits in it).
     */
    public List<ProblemError> check(Part part, JsonNode instance, String at) {
        OutputUnit result = validators.get(part).validate(vertx(instance));
        if (Boolean.TRUE.equals(result.getValid()) || result.getErrors() == null) {
            return List.of();
        }
        // One error per value, the first the validator gives (its type before its enum). The basic output also
        // lists every enclosing schema that failed because of a nested one, and Vert.x counts a property that failed
        // its own schema (or inside it) as additional too; only an additional property with no other error is one.
        Map<String, ProblemError> byPointer = new LinkedHashMap<>();
        List<ProblemError> additional = new ArrayList<>();
        for (OutputUnit error : result.getErrors()) {
            if (encloses(error, result.getErrors())) {
                continue;
            }
            ProblemError problem = ProblemError.atPointer(at + pointer(error), error.getError());
            if (error.getKeywordLocation() != null && error.getKeywordLocation().endsWith("/additionalProperties")) {
                additional.add(problem);
            } else {
                byPointer.putIfAbsent(problem.pointer(), problem);
            }
        }
        List<String> failed = List.copyOf(byPointer.keySet());
        additional.stream()
                .filter(problem -> failed.stream().noneMatch(pointer -> pointer.equals(problem.pointer())
                        || pointer.startsWith(problem.pointer() + "/")))
                .forEach(problem -> byPointer.putIfAbsent(problem.pointer(), problem));
        return List.copyOf(byPointer.values());
    }

    private static boolean encloses(OutputUnit error, List<OutputUnit> all) {
        String keyword = error.getKeywordLocation();
        return all.stream().anyMatch(other -> other != error && other.getKeywordLocation() != null && keyword != null
                && other.getKeywordLocation().startsWith(keyword + "/"));
    }

    /** Where the error is; for a missing property, where the property should be, as the validator's errors say. */
    private static String pointer(OutputUnit error) {
        String location = error.getInstanceLocation();
        String at = location == null || location.equals("#") ? "" : location.startsWith("#") ? location.substring(1) : location;
        if (error.getKeywordLocation() != null && error.getKeywordLocation().endsWith("/required")
                && error.getError() != null) {
            Matcher missing = QUOTED.matcher(error.getError());
            if (missing.find()) {
                return at + "/" + missing.group(1);
            }
        }
        return at;
    }

    private static JsonNode contract() {
        try (InputStream yaml = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (yaml == null) {
                throw new IllegalStateException("The contract " + RESOURCE + " is not on the class path");
            }
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the contract " + RESOURCE, e);
        }
    }

    /**
     * The contract's schemas as JSON Schema: OpenAPI 3.0 says "may be null" with {@code nullable: true}, JSON Schema
     * with a type that includes "null" (and an enum that lists null).
     */
    static JsonNode jsonSchema(JsonNode schema) {
        if (schema instanceof ArrayNode array) {
            ArrayNode converted = JsonNodeFactory.instance.arrayNode();
            array.forEach(item -> converted.add(jsonSchema(item)));
            return converted;
        }
        if (!(schema instanceof ObjectNode object)) {
            return schema;
        }
        ObjectNode converted = JsonNodeFactory.instance.objectNode();
        object.properties().forEach(field -> converted.set(field.getKey(), jsonSchema(field.getValue())));
        if (converted.path("nullable").asBoolean(false)) {
            converted.remove("nullable");
            if (converted.get("type") instanceof TextNode type) {
                converted.putArray("type").add(type.asText()).add("null");
            }
            if (converted.get("enum") instanceof ArrayNode values
                    && StreamSupport.stream(values.spliterator(), false).noneMatch(JsonNode::isNull)) {
                values.addNull();
            }
        }
        return converted;
    }

    /** A Jackson tree as the values Vert.x's validator reads. */
    static Object vertx(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node instanceof ObjectNode object) {
            JsonObject converted = new JsonObject();
            object.properties().forEach(field -> converted.put(field.getKey(), vertx(field.getValue())));
            return converted;
        }
        if (node instanceof ArrayNode array) {
            JsonArray converted = new JsonArray();
            array.forEach(item -> converted.add(vertx(item)));
            return converted;
        }
        if (node.isIntegralNumber()) {
            // Vert.x reads a schema's integer keywords (maxLength, minItems) as Integer.
            if (node.canConvertToInt()) {
                return node.intValue();
            }
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }
}
