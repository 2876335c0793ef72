package io.indicators.release;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.indicators.common.digest.Sha256;
import io.indicators.common.problem.ProblemError;
import io.indicators.release.ReleaseRequest.CitationInput;
import io.indicators.release.ReleaseRequest.DocumentText;
import io.indicators.release.ReleaseRequest.ObservationInput;

/**
 * Anchors every quote of a release in its document, the way W3C Web Annotation selectors do: a position in code
 * points (TextPositionSelector) and the quote with the text around it (TextQuoteSelector). When the release carries
 * a document's text, the text must hash to the document's SHA-256 and every quote must occur at its selector; the
 * selectors a publisher left out are found there, and the citation is recorded as verified against that hash. A
 * quote whose document text is not carried is stored as its publisher anchored it, and served as not verified.
 */
final class QuoteAnchors {

    /** Code points of context kept on each side of a quote: enough to tell repeated phrases apart. */
    static final int CONTEXT = 32;

    /** A citation with its selectors complete; {@code verifiedSha256} is null when no text was there to check it. */
    record Anchored(String document, String quote, String prefix, String suffix, int start, int end,
            String publication, Instant verifiedAt, String verifiedSha256) {

        boolean sameAs(Anchored other) {
            return document.equals(other.document) && quote.equals(other.quote) && prefix.equals(other.prefix)
                    && suffix.equals(other.suffix) && start == other.start && end == other.end
                    && Objects.equals(publication, other.publication);
        }
    }

    private final Map<String, Text> byDocument;

    private QuoteAnchors(Map<String, Text> byDocument) {
        this.byDocument = byDocument;
    }

    /**
     * The release's document texts, each checked against its document's hash. {@code documentSha256} holds the hash
     * of every document the release or the catalogue knows.
     */
    static QuoteAnchors of(List<DocumentText> texts, Map<String, String> documentSha256, ReleaseErrors errors) {
        Map<String, Text> byDocument = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            DocumentText text = texts.get(i);
            String at = "/documentTexts/" + i;
            if (text == null || text.document() == null || text.text() == null) {
                errors.add(at, "needs document and text");
                continue;
            }
            String expected = documentSha256.get(text.document());
            if (expected == null) {
                errors.add(at + "/document", "unknown document '" + text.document() + "'");
                continue;
            }
            String actual = Sha256.hex(text.text());
            if (!actual.equals(expected)) {
                errors.add(at + "/text", "hashes to SHA-256 " + actual + ", but document '" + text.document() + "' is "
                        + expected + ": this is not the document's text");
                continue;
            }
            if (byDocument.put(text.document(), new Text(text.text(), expected)) != null) {
                errors.add(at + "/document", "the text of '" + text.document() + "' is given twice");
            }
        }
        return new QuoteAnchors(byDocument);
    }

    /** The anchored citations of a value, in order; errors (with JSON pointers under {@code at}) stop the release. */
    List<Anchored> anchor(ObservationInput observation, String at, Instant checkedAt, ReleaseErrors errors) {
        List<CitationInput> citations = observation.citations();
        List<Anchored> anchored = new ArrayList<>(citations.size());
        for (int j = 0; j < citations.size(); j++) {
            CitationInput citation = citations.get(j);
            String pointer = at + "/citations/" + j;
            Text text = byDocument.get(citation.document());
            anchored.add(
                    text == null ? asGiven(citation, pointer, errors) : verify(citation, text, pointer, checkedAt, errors));
        }
        return anchored;
    }

    /** Without the document's text, the publisher's selectors are all there is: they must be complete and consistent. */
    private static Anchored asGiven(CitationInput citation, String at, ReleaseErrors errors) {
        if (citation.start() == null || citation.end() == null || citation.prefix() == null || citation.suffix() == null) {
            errors.add(ProblemError.atPointer(at, "needs start, end, prefix and suffix to locate the quote in its "
                    + "document, or the document's text in documentTexts so they can be found there"));
            return null;
        }
        int length = citation.quote().codePointCount(0, citation.quote().length());
        if (citation.start() < 0 || citation.end() - citation.start() != length) {
            errors.add(ProblemError.atPointer(at + "/end", "end - start must be the quote's length in code points ("
                    + length + ") and start at least 0"));
            return null;
        }
        return new Anchored(citation.document(), citation.quote(), citation.prefix(), citation.suffix(),
                citation.start(), citation.end(), citation.publication(), null, null);
    }

    private static Anchored verify(CitationInput citation, Text text, String at, Instant checkedAt,
            ReleaseErrors errors) {
        String quote = citation.quote();
        List<Integer> candidates = new ArrayList<>();
        if (citation.start() != null) {
            candidates.add(text.charIndex(citation.start()));
        } else {
            for (int from = text.value.indexOf(quote); from >= 0; from = text.value.indexOf(quote, from + 1)) {
                candidates.add(from);
            }
        }
        List<Integer> matching = candidates.stream()
                .filter(index -> index >= 0 && text.value.startsWith(quote, index)
                        && (citation.prefix() == null || text.value.regionMatches(index - citation.prefix().length(),
                                citation.prefix(), 0, citation.prefix().length()))
                        && (citation.suffix() == null || text.value.startsWith(citation.suffix(), index + quote.length())))
                .toList();
        if (matching.isEmpty()) {
            errors.add(ProblemError.atPointer(at + "/quote", citation.start() == null
                    ? "does not occur in the text of document '" + citation.document() + "'"
                            + (candidates.isEmpty() ? "" : " with the given prefix and suffix")
                    : "is not what the text of document '" + citation.document() + "' holds at start "
                            + citation.start() + (citation.prefix() != null || citation.suffix() != null
                                    ? " with the given prefix and suffix"
                                    : "")));
            return null;
        }
        if (matching.size() > 1) {
            errors.add(ProblemError.atPointer(at + "/quote", "occurs " + matching.size() + " times in the text of document '"
                    + citation.document() + "'; give start, or a prefix or suffix, to say which"));
            return null;
        }
        int index = matching.getFirst();
        int start = text.codePoint(index);
        int end = start + quote.codePointCount(0, quote.length());
        if (citation.end() != null && citation.end() != end) {
            errors.add(ProblemError.atPointer(at + "/end", "must be " + end + ", where the quote ends"));
            return null;
        }
        String prefix = citation.prefix() != null ? citation.prefix() : text.before(index);
        String suffix = citation.suffix() != null ? citation.suffix() : text.after(index + quote.length());
        return new Anchored(citation.document(), quote, prefix, suffix, start, end, citation.publication(), checkedAt,
                text.sha256);
    }

    /** A document's text, with code-point offsets computed cheaply when it has no surrogate pairs (most texts). */
    private static final class Text {
        final String value;
        final String sha256;
        final boolean oneUnitPerCodePoint;

        Text(String value, String sha256) {
            this.value = value;
            this.sha256 = sha256;
            this.oneUnitPerCodePoint = value.codePointCount(0, value.length()) == value.length();
        }

        int codePoint(int charIndex) {
            return oneUnitPerCodePoint ? charIndex : value.codePointCount(0, charIndex);
        }

        /** The char index of a code-point offset; -1 when it is past the end. */
        int charIndex(int codePoint) {
            if (oneUnitPerCodePoint) {
                return codePoint <= value.length() ? codePoint : -1;
            }
            try {
                return value.offsetByCodePoints(0, codePoint);
            } catch (IndexOutOfBoundsException e) {
                return -1;
            }
        }

        String before(int charIndex) {
            int from = charIndex;
            for (int n = 0; n < CONTEXT && from > 0; n++) {
                from = value.offsetByCodePoints(from, -1);
            }
            return value.substring(from, charIndex);
        }

        String after(int charIndex) {
            int to = charIndex;
            for (int n = 0; n < CONTEXT && to < value.length(); n++) {
                to = value.offsetByCodePoints(to, 1);
            }
            return value.substring(charIndex, to);
        }
    }
}
