package io.indicators.common.json;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Request bodies are read strictly: what a lenient parser would guess at is refused as a 400 instead. A duplicated
 * key (which value wins?), a number where text is expected ({@code "basedOn": 123}), text where a number is
 * expected, a NUL character or half of a surrogate pair (which PostgreSQL cannot store, or stores as "?"), nesting
 * no release needs, and numbers longer than any value the catalogue holds.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Digits of the longest number literal read: far beyond the 15 significant digits a value may have. */
    static final int MAX_NUMBER_LENGTH = 100;
    /** A release is objects three or four deep; anything much deeper is not a release. */
    static final int MAX_NESTING_DEPTH = 32;
    /** The longest string: a document's full text (documentTexts), a few hundred kilobytes at most. */
    public static final int MAX_STRING_LENGTH = 2_000_000;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build());
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("storable-text").addDeserializer(String.class, new StorableText()));
    }

    /** A string PostgreSQL stores as sent: no NUL, no unpaired surrogate. */
    static final class StorableText extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            if (text == null) {
                return null;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean unpaired = Character.isHighSurrogate(c)
                        ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
                        : Character.isLowSurrogate(c);
                if (c == 0 || unpaired) {
                    throw InvalidFormatException.from(parser, c == 0
                            ? "text may not contain the NUL character (U+0000)"
                            : "text may not contain half of a surrogate pair", text, String.class);
                }
            }
            return text;
        }
    }
}
