package io.indicators.release;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.indicators.common.api.AsStated;
import io.indicators.common.api.DatePublished;
import io.indicators.common.api.Geo;
import io.indicators.common.api.PeriodBasis;
import io.indicators.common.api.SeriesPoint;
import io.indicators.common.period.InvalidPeriodException;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.release.MetadataWriter.Known;
import io.indicators.release.MetadataWriter.KnownIndicator;
import io.indicators.release.ReleaseRequest.CitationInput;
import io.indicators.release.ReleaseRequest.DocumentInput;
import io.indicators.release.ReleaseRequest.IndicatorInput;
import io.indicators.release.ReleaseRequest.ObservationInput;
import io.indicators.release.ReleaseRequest.PublicationInput;
import io.indicators.release.ReleaseRequest.RetractionInput;

/**
 * The rules of a release's parts that the contract's schemas cannot state (ReleaseSchema checks those first, as the
 * body is read): what its ids refer to, what the catalogue already fixed (units, value kinds, document hashes), how a
 * value's fields fit together (ranges, derivations, written forms, dates and their precision), and texts that must
 * say something. Every error has its JSON pointer, so a publisher fixes a release in one round trip. ReleaseService
 * asks the questions about the release as a whole, and applies it in one transaction, so nothing is half-applied.
 */
@ApplicationScoped
class ReleaseValidator {

    private static final Map<String, Pattern> PRECISIONS = Map.of(
            "year", Pattern.compile("\\d{4}"), "month", Pattern.compile("\\d{4}-\\d{2}"),
            "day", Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));
    /** The longest evidence, description, title or address, where the contract sets no maxLength. */
    static final int MAX_TEXT = 10_000;
    static final int MAX_DIGITS = 15;
    private static final BigDecimal TOO_LARGE = BigDecimal.TEN.pow(21);
    /** 10^15: a trillion-fold written form (조) is 10^12; nothing a source writes needs more. */
    private static final int MAX_MULTIPLIER = 15;

    /**
     * What a release declares itself, which its values may name beside what the catalogue knows: its indicators
     * (with their value kinds, and those of the known indicators its values name, as they are looked up), its
     * documents and its publications.
     */
    record Scope(Map<String, String> valueKinds, Set<String> documentIds, Set<String> publicationIds) {
    }

    /**
     * Checks the release itself and its metadata.
     *
     * @param items how many values and retractions the release carries
     * @param known what the catalogue already says about the indicators, documents and publications it declares
     */
    Scope header(ReleaseRequest request, long items, Known known, ReleaseErrors errors) {
        if (request.release() == null) {
            errors.add("/release", "is required");
        } else {
            if (ReleaseResource.LATEST.equals(request.release().id())) {
                errors.add("/release/id", "'latest' names the newest release in addresses; choose another id");
            }
            required(errors, "/release/description", request.release().description());
        }
        if (request.documents().isEmpty() && request.publications().isEmpty() && request.indicators().isEmpty()
                && items == 0) {
            errors.add("", "the release changes nothing: give documents, publications, indicators, observations or "
                    + "retractions");
        }
        Scope scope = new Scope(new HashMap<>(), ids(request.documents(), DocumentInput::id),
                ids(request.publications(), PublicationInput::id));
        for (int i = 0; i < request.documents().size(); i++) {
            document(errors, "/documents/" + i, request.documents().get(i), known);
        }
        for (int i = 0; i < request.publications().size(); i++) {
            publication(errors, "/publications/" + i, request.publications().get(i));
        }
        for (int i = 0; i < request.indicators().size(); i++) {
            IndicatorInput indicator = request.indicators().get(i);
            indicator(errors, "/indicators/" + i, indicator, known);
            if (indicator != null && indicator.id() != null) {
                scope.valueKinds().put(indicator.id(), indicator.valueKind());
            }
        }
        duplicates(errors, "/documents", request.documents(), DocumentInput::id);
        duplicates(errors, "/publications", request.publications(), PublicationInput::id);
        duplicates(errors, "/indicators", request.indicators(), IndicatorInput::id);
        return scope;
    }

    /**
     * Checks one value on its own. Whether the release names its point twice, and whether the inputs of a
     * derivation have values, are questions about the whole release: ReleaseService asks them of the staged items.
     */
    void observation(Scope scope, ObservationInput observation, String at, Known known, ReleaseErrors errors) {
        if (observation == null) {
            errors.add(at, "is required");
            return;
        }
        String valueKind = point(errors, at, observation.indicator(), observation.geo(), observation.period(),
                scope.valueKinds(), known);
        value(errors, at, observation, valueKind);
        number(errors, at + "/value", observation.value());
        number(errors, at + "/low", observation.low());
        number(errors, at + "/high", observation.high());
        periodBasis(errors, at + "/periodBasis", observation.periodBasis());
        citations(errors, at, observation.citations(), scope.documentIds(), scope.publicationIds(), known);
        asStated(errors, at + "/asStated", observation, valueKind);
        if (observation.derivation() != null) {
            derivation(errors, at + "/derivation", observation, scope.valueKinds(), known);
        }
    }

    /** Checks one retraction on its own; whether there is a value to retract is ReleaseService's question. */
    void retraction(Scope scope, RetractionInput retraction, String at, Known known, ReleaseErrors errors) {
        if (retraction == null) {
            errors.add(at, "is required");
            return;
        }
        point(errors, at, retraction.indicator(), retraction.geo(), retraction.period(), scope.valueKinds(), known);
        required(errors, at + "/reason", retraction.reason());
    }

    private void document(ReleaseErrors errors, String at, DocumentInput document, Known known) {
        if (document == null) {
            errors.add(at, "is required");
            return;
        }
        required(errors, at + "/fileName", document.fileName());
        if (known.documentSha256().containsKey(document.id())
                && !known.documentSha256().get(document.id()).equals(document.sha256())) {
            errors.add(at + "/sha256", "differs from the published document's (" + known.documentSha256().get(document.id())
                    + "): the hash names the text its quotes are anchored in; a different text is a new document");
        }
        required(errors, at + "/publisher/original", document.publisher() == null ? null : document.publisher().original());
        required(errors, at + "/title/original", document.title() == null ? null : document.title().original());
        required(errors, at + "/language", document.language());
        text(errors, at + "/note", document.note(), MAX_TEXT);
        text(errors, at + "/url", document.url(), MAX_TEXT);
        text(errors, at + "/title/en", document.title() == null ? null : document.title().en(), MAX_TEXT);
        text(errors, at + "/publisher/en", document.publisher() == null ? null : document.publisher().en(), MAX_TEXT);
        date(errors, at + "/published", document.published());
    }

    private void publication(ReleaseErrors errors, String at, PublicationInput publication) {
        if (publication == null) {
            errors.add(at, "is required");
            return;
        }
        required(errors, at + "/publisher/original",
                publication.publisher() == null ? null : publication.publisher().original());
        required(errors, at + "/title/original", publication.title() == null ? null : publication.title().original());
        text(errors, at + "/url", publication.url(), MAX_TEXT);
        text(errors, at + "/title/en", publication.title() == null ? null : publication.title().en(), MAX_TEXT);
        text(errors, at + "/publisher/en", publication.publisher() == null ? null : publication.publisher().en(), MAX_TEXT);
        date(errors, at + "/published", publication.published());
        if (publication.nextExpected() != null) {
            date(errors, at + "/nextExpected", publication.nextExpected());
        }
        if ("calendar".equals(publication.id())) {
            errors.add(at + "/id", "'calendar' names the release calendar (/v1/publications/calendar), not a publication");
        }
    }

    private void date(ReleaseErrors errors, String at, DatePublished date) {
        if (date == null) {
            errors.add(at, "is required; use basis 'unknown' when the document does not say");
            return;
        }
        if ("unknown".equals(date.basis())) {
            if (date.date() != null) {
                errors.add(at + "/date", "must be null when the basis is 'unknown'");
            }
            return;
        }
        Pattern shape = date.precision() == null ? null : PRECISIONS.get(date.precision());
        if (shape == null) {
            errors.add(at + "/precision", "must be one of year, month, day");
        } else if (date.date() == null || !shape.matcher(date.date()).matches()) {
            errors.add(at + "/date", "must match its precision '" + date.precision() + "'");
        } else {
            try {
                ReferencePeriod.parse(date.date());
            } catch (InvalidPeriodException e) {
                errors.add(at + "/date", e.getMessage());
            }
        }
        required(errors, at + "/evidence", date.evidence());
    }

    private void indicator(ReleaseErrors errors, String at, IndicatorInput indicator, Known known) {
        if (indicator == null) {
            errors.add(at, "is required");
            return;
        }
        required(errors, at + "/name/ko", indicator.name() == null ? null : indicator.name().ko());
        required(errors, at + "/name/en", indicator.name() == null ? null : indicator.name().en());
        text(errors, at + "/description/ko", indicator.description() == null ? null : indicator.description().ko(), MAX_TEXT);
        text(errors, at + "/description/en", indicator.description() == null ? null : indicator.description().en(), MAX_TEXT);
        KnownIndicator existing = indicator.id() == null ? null : known.indicators().get(indicator.id());
        if (existing != null && indicator.unit() != null && !existing.unitCode().equals(indicator.unit().code())) {
            errors.add(at + "/unit", "does not match the unit of the published indicator ("
                    + existing.unitCode() + "); a new unit is a new indicator");
        }
        if (existing != null && indicator.valueKind() != null && !existing.valueKind().equals(indicator.valueKind())) {
            errors.add(at + "/valueKind", "does not match the published indicator's value kind '" + existing.valueKind() + "'");
        }
    }

    /** Checks indicator, geo and period of a series point; returns the indicator's value kind when known. */
    private static String point(ReleaseErrors errors, String at, String indicatorId, String geo, String period,
            Map<String, String> valueKinds, Known known) {
        String valueKind = null;
        if (indicatorId == null) {
            errors.add(at + "/indicator", "is required");
        } else if (valueKinds.containsKey(indicatorId)) {
            valueKind = valueKinds.get(indicatorId);
        } else {
            KnownIndicator existing = known.indicators().get(indicatorId);
            if (existing == null) {
                errors.add(at + "/indicator", "unknown indicator '" + indicatorId + "'");
            } else {
                valueKind = existing.valueKind();
                valueKinds.put(indicatorId, valueKind);
            }
        }
        if (!Geo.isValid(geo)) {
            errors.add(at + "/geo", "must be " + Geo.EXPECTED);
        }
        try {
            ReferencePeriod.parse(period);
        } catch (InvalidPeriodException e) {
            errors.add(at + "/period", e.getMessage());
        }
        return valueKind;
    }

    private static void value(ReleaseErrors errors, String at, ObservationInput observation, String valueKind) {
        if ("range".equals(valueKind)) {
            if (observation.value() != null) {
                errors.add(at + "/value", "must be absent: the indicator's values are ranges (low, high)");
            }
            if (observation.low() == null || observation.high() == null) {
                errors.add(at + (observation.low() == null ? "/low" : "/high"), "is required for a range value");
            } else if (observation.low().compareTo(observation.high()) > 0) {
                errors.add(at + "/low", "must not exceed high");
            }
        } else if ("number".equals(valueKind)) {
            if (observation.value() == null) {
                errors.add(at + "/value", "is required: the indicator's values are numbers");
            }
            if (observation.low() != null || observation.high() != null) {
                errors.add(at + (observation.low() != null ? "/low" : "/high"),
                        "must be absent: the indicator's values are numbers, not ranges");
            }
        }
        boolean derived = "derived".equals(observation.status());
        if (derived && observation.derivation() == null) {
            errors.add(at + "/derivation", "is required when the status is 'derived'");
        } else if (!derived && observation.derivation() != null) {
            errors.add(at + "/derivation", "is only allowed when the status is 'derived'");
        }
    }

    private static void periodBasis(ReleaseErrors errors, String at, PeriodBasis basis) {
        if (basis == null) {
            errors.add(at, "is required: is the reference period stated by the source, or inferred (and from what)?");
            return;
        }
        if ("inferred".equals(basis.basis())) {
            required(errors, at + "/evidence", basis.evidence());
        } else {
            text(errors, at + "/evidence", basis.evidence(), MAX_TEXT);
        }
    }

    /**
     * The written form must be the value: its number times 10^multiplier, and words that occur in a quote, so a
     * client can see how "26만 장" became 260000 and find it in the document.
     */
    private static void asStated(ReleaseErrors errors, String at, ObservationInput observation, String valueKind) {
        AsStated stated = observation.asStated();
        if (stated == null) {
            return;
        }
        required(errors, at + "/text", stated.text());
        number(errors, at + "/number", stated.number());
        number(errors, at + "/low", stated.low());
        number(errors, at + "/high", stated.high());
        if (stated.multiplier() == null || stated.multiplier() < 0 || stated.multiplier() > MAX_MULTIPLIER) {
            errors.add(at + "/multiplier", "must be the power of ten the text writes the number in, 0 to " + MAX_MULTIPLIER);
            return;
        }
        if ("range".equals(valueKind)) {
            scaled(errors, at + "/low", stated.low(), stated.multiplier(), observation.low(), "low");
            scaled(errors, at + "/high", stated.high(), stated.multiplier(), observation.high(), "high");
            if (stated.number() != null) {
                errors.add(at + "/number", "must be absent for a range: give low and high");
            }
        } else if ("number".equals(valueKind)) {
            scaled(errors, at + "/number", stated.number(), stated.multiplier(), observation.value(), "value");
            if (stated.low() != null || stated.high() != null) {
                errors.add(at + (stated.low() != null ? "/low" : "/high"), "must be absent for a number: give number");
            }
        }
        if (stated.text() != null && observation.citations() != null
                && observation.citations().stream()
                        .noneMatch(c -> c != null && c.quote() != null && c.quote().contains(stated.text()))) {
            errors.add(at + "/text", "occurs in none of the value's quotes; the written form is quoted from the source");
        }
    }

    private static void scaled(ReleaseErrors errors, String at, BigDecimal written, int multiplier, BigDecimal value,
            String name) {
        if (written == null) {
            errors.add(at, "is required");
        } else if (value != null && written.scaleByPowerOfTen(multiplier).compareTo(value) != 0) {
            errors.add(at, written.toPlainString() + " × 10^" + multiplier + " = "
                    + written.scaleByPowerOfTen(multiplier).toPlainString() + ", but " + name + " is "
                    + value.toPlainString() + "; values are given in the unit's base amount");
        }
    }

    private static void citations(ReleaseErrors errors, String at, List<CitationInput> citations, Set<String> documentIds,
            Set<String> publicationIds, Known known) {
        // Missing or malformed citations were refused by the contract's schema already; these rules need them.
        if (citations == null) {
            return;
        }
        for (int j = 0; j < citations.size(); j++) {
            String c = at + "/citations/" + j;
            CitationInput citation = citations.get(j);
            if (citation == null || citation.document() == null) {
                continue;
            }
            if (!documentIds.contains(citation.document()) && !known.documentSha256().containsKey(citation.document())) {
                errors.add(c + "/document", "unknown document '" + citation.document() + "'");
            }
            if (citation.quote() == null || citation.quote().isBlank()) {
                errors.add(c + "/quote", "is required");
            }
            if (citation.publication() != null && !publicationIds.contains(citation.publication())
                    && !known.publications().contains(citation.publication())) {
                errors.add(c + "/publication", "unknown publication '" + citation.publication() + "'");
            }
        }
    }

    private static void derivation(ReleaseErrors errors, String at, ObservationInput observation,
            Map<String, String> valueKinds, Known known) {
        List<SeriesPoint> inputs = observation.derivation().inputs();
        for (int j = 0; inputs != null && j < inputs.size(); j++) {
            SeriesPoint input = inputs.get(j);
            if (input == null) {
                continue;
            }
            String p = at + "/inputs/" + j;
            point(errors, p, input.indicator(), input.geo(), input.period(), valueKinds, known);
        }
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().filter(item -> item != null && id.apply(item) != null).map(id).collect(Collectors.toSet());
    }

    private static <T> void duplicates(ReleaseErrors errors, String at, List<T> items, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item != null && id.apply(item) != null && !seen.add(id.apply(item))) {
                errors.add(at + "/" + i + "/id", "'" + id.apply(item) + "' appears twice in this release");
            }
        }
    }

    private static void required(ReleaseErrors errors, String at, String value) {
        if (value == null || value.isBlank()) {
            errors.add(at, "is required");
        } else {
            text(errors, at, value, MAX_TEXT);
        }
    }

    /** Every text is bounded: one value's citations and notes are served with it on every read. */
    private static void text(ReleaseErrors errors, String at, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(at, "is " + value.length() + " characters long; at most " + max);
        }
    }

    /**
     * A number every client reads exactly: JSON numbers become doubles in JavaScript and most SDKs, so at most 15
     * significant digits and 15 decimals, and below 10^21 (where JavaScript switches to exponent form). A number
     * such as 1e200000 would otherwise be stored or read as 0 or Infinity.
     */
    private static void number(ReleaseErrors errors, String at, BigDecimal value) {
        if (value == null) {
            return;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.precision() > MAX_DIGITS || stripped.scale() > MAX_DIGITS || value.abs().compareTo(TOO_LARGE) >= 0) {
            errors.add(at, "must have at most " + MAX_DIGITS + " significant digits and " + MAX_DIGITS
                    + " decimals, and be less than 10^21 in magnitude, so every client reads it exactly");
        }
    }
}
