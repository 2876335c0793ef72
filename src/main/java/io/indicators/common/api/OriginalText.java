package io.indicators.common.api;

/** A name in the language of its source, with an English rendering where one is known. */
public record OriginalText(String original, String en) {
}
