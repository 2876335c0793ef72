package io.indicators.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.indicators.common.problem.ApiException;
import io.indicators.release.ReleaseRequest.DocumentInput;
import io.indicators.release.ReleaseRequest.DocumentText;
import io.indicators.release.ReleaseRequest.IndicatorInput;
import io.indicators.release.ReleaseRequest.ObservationInput;
import io.indicators.release.ReleaseRequest.PublicationInput;
import io.indicators.release.ReleaseRequest.ReleaseHeader;
import io.indicators.release.ReleaseRequest.RetractionInput;
import io.indicators.release.ReleaseSchema.Part;

/**
 * A release as it arrives, read as a stream: its values and retractions go to the staging table one by one as they
 * are parsed, and only the small parts (the header, metadata, document texts) are kept. Reading checks what the
 * strict JSON settings check for a whole body (StrictJson), with the same JSON pointers in its errors, and checks
 * every part against the contract's schema for it (ReleaseSchema).
 */
public interface ReleaseBody {

    /**
     * What a release holds besides its values and retractions, which go to the sink; what the contract's schemas
     * refuse goes to {@code shapeErrors}, beside what the validator finds later, so a publisher gets every error of a
     * release in one answer. What cannot be read as JSON at all is a 400 at once.
     */
    ReleaseRequest read(StagedItems.Sink sink, ReleaseErrors shapeErrors);

    /** The most items one release applies: what one transaction applies within its timeout with room to spare. */
    int MAX_ITEMS = 100_000;
    /**
     * The most characters of document text one release carries, all texts together: they are held whole while their
     * quotes are checked, so they must fit a small heap beside everything else (an article is ~10,000).
     */
    int MAX_TEXT_CHARACTERS = 4_000_000;

    /** A release already in memory, as the seed loader reads it. */
    static ReleaseBody of(ReleaseRequest request) {
        return (sink, shapeErrors) -> {
            request.observations().forEach(sink::observation);
            request.retractions().forEach(sink::retraction);
            return new ReleaseRequest(request.release(), request.basedOn(), request.documents(), request.publications(),
                    request.indicators(), List.of(), List.of(), request.documentTexts());
        };
    }

    /** A release body of a request, read from its stream; null and empty bodies are refused. */
    static ReleaseBody of(InputStream body, ObjectMapper json, ReleaseSchema schema) {
        return (sink, shapeErrors) -> {
            try (JsonParser parser = json.createParser(body)) {
                return new Reader(parser, json, schema, sink, shapeErrors).read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    final class Reader {
        private static final List<Object> FIELDS = List.of("release", "basedOn", "documents", "publications",
                "indicators", "observations", "retractions", "documentTexts");

        private final JsonParser parser;
        private final ObjectMapper json;
        /** Trees keep a number's every digit: a value is bound from the very text the schema was checked on. */
        private final ObjectReader trees;
        private final ReleaseSchema schema;
        private final StagedItems.Sink sink;
        private final ReleaseErrors shapeErrors;
        private int items;
        private long textCharacters;

        private Reader(JsonParser parser, ObjectMapper json, ReleaseSchema schema, StagedItems.Sink sink,
                ReleaseErrors shapeErrors) {
            this.shapeErrors = shapeErrors;
            this.parser = parser;
            this.json = json;
            this.trees = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
            this.schema = schema;
            this.sink = sink;
        }

        private ReleaseRequest read() throws IOException {
            JsonToken first = parser.nextToken();
            if (first == null || first == JsonToken.VALUE_NULL) {
                throw ApiException.badParameter("body", "The request body is required: a release");
            }
            if (first != JsonToken.START_OBJECT) {
                throw MismatchedInputException.from(parser, ReleaseRequest.class, "a release is a JSON object");
            }
            ReleaseHeader release = null;
            String basedOn = null;
            List<DocumentInput> documents = null;
            List<PublicationInput> publications = null;
            List<IndicatorInput> indicators = null;
            List<DocumentText> documentTexts = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "release" -> release = value(field, json.constructType(ReleaseHeader.class), Part.HEADER);
                    case "basedOn" -> basedOn = value(field, json.constructType(String.class), null);
                    case "documents" -> documents = count(value(field, listOf(DocumentInput.class), Part.DOCUMENT));
                    case "publications" -> publications = count(value(field, listOf(PublicationInput.class),
                            Part.PUBLICATION));
                    case "indicators" -> indicators = count(value(field, listOf(IndicatorInput.class), Part.INDICATOR));
                    case "documentTexts" -> documentTexts = texts(count(value(field, listOf(DocumentText.class),
                            Part.DOCUMENT_TEXT)));
                    case "observations" -> each(field, ObservationInput.class, Part.OBSERVATION, sink::observation);
                    case "retractions" -> each(field, RetractionInput.class, Part.RETRACTION, sink::retraction);
                    default -> throw UnrecognizedPropertyException.from(parser, ReleaseRequest.class, field, FIELDS);
                }
            }
            if (parser.nextToken() != null) {
                throw MismatchedInputException.from(parser, ReleaseRequest.class, "content after the release");
            }
            return new ReleaseRequest(release, basedOn, documents, publications, indicators, List.of(), List.of(),
                    documentTexts);
        }

        private JavaType listOf(Class<?> type) {
            return json.getTypeFactory().constructCollectionType(List.class, type);
        }

        /**
         * A field read whole, bound, then checked against the schema of its part (of each element, for a list); a
         * null part is left for the validator, which knows which parts a release may leave out.
         */
        private <T> T value(String field, JavaType type, Part part) throws IOException {
            JsonNode tree = trees.readTree(parser);
            T value;
            try {
                value = json.treeToValue(tree, type);
            } catch (JsonMappingException e) {
                e.prependPath(ReleaseRequest.class, field);
                throw e;
            }
            if (part != null && tree != null && !tree.isNull()) {
                if (type.isCollectionLikeType()) {
                    for (int index = 0; index < tree.size(); index++) {
                        shapeErrors.addAll(schema.check(part, tree.get(index), "/" + field + "/" + index));
                    }
                } else {
                    shapeErrors.addAll(schema.check(part, tree, "/" + field));
                }
            }
            return value;
        }

        /** Hands each element of an array to the sink as soon as it is read. */
        private <T> void each(String field, Class<T> type, Part part, Consumer<T> to) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NULL) {
                return;
            }
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                MismatchedInputException e = MismatchedInputException.from(parser, List.class, "expected an array");
                e.prependPath(ReleaseRequest.class, field);
                throw e;
            }
            for (int index = 0; parser.nextToken() != JsonToken.END_ARRAY; index++) {
                countOne();
                JsonNode tree = trees.readTree(parser);
                T item;
                try {
                    item = json.treeToValue(tree, type);
                } catch (JsonMappingException e) {
                    e.prependPath(List.of(), index);
                    e.prependPath(ReleaseRequest.class, field);
                    throw e;
                }
                shapeErrors.addAll(schema.check(part, tree, "/" + field + "/" + index));
                to.accept(item);
            }
        }

        private <T> List<T> count(List<T> list) {
            if (list != null) {
                items += list.size();
                checkItems();
            }
            return list;
        }

        private void countOne() {
            items++;
            checkItems();
        }

        private void checkItems() {
            if (items > MAX_ITEMS) {
                throw ApiException.releaseTooLarge("The release has more than " + MAX_ITEMS + " items (values, "
                        + "retractions, documents, publications, indicators, texts); at most " + MAX_ITEMS
                        + " are applied in one release: split it into releases that build on one another");
            }
        }

        private List<DocumentText> texts(List<DocumentText> texts) {
            if (texts != null) {
                for (DocumentText text : texts) {
                    textCharacters += text == null || text.text() == null ? 0 : text.text().length();
                }
                if (textCharacters > MAX_TEXT_CHARACTERS) {
                    throw ApiException.releaseTooLarge("The release's document texts have " + textCharacters
                            + " characters; at most " + MAX_TEXT_CHARACTERS + " in one release: carry the texts of the "
                            + "documents its quotes come from in separate releases");
                }
            }
            return texts;
        }
    }
}
