package io.indicators.common.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Where a quote is in its document, as W3C Web Annotation selectors: anyone holding the document (identified by
 * its SHA-256) finds the quote by its position in Unicode code points, or by the quote and the text around it.
 */
@RegisterForReflection(registerFullHierarchy = true)
public record Selectors(TextQuote textQuote, TextPosition textPosition) {

    public record TextQuote(String type, String exact, String prefix, String suffix) {
    }

    public record TextPosition(String type, int start, int end) {
    }

    public static Selectors of(String exact, String prefix, String suffix, int start, int end) {
        return new Selectors(new TextQuote("TextQuoteSelector", exact, prefix, suffix),
                new TextPosition("TextPositionSelector", start, end));
    }
}
