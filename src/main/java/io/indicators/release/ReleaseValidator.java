package io.indicators.release;

import io.indicators.common.api.Geo;
import io.indicators.common.period.InvalidPeriodException;
import io.indicators.common.period.ReferencePeriod;
import io.indicators.common.problem.ProblemError;
import io.indicators.indicator.Indicator;
import io.indicators.indicator.IndicatorRepository;
import io.indicators.release.ReleaseRequest.CitationInput;
import io.indicators.common.api.DatePublished;
import io.indicators.release.ReleaseRequest.DocumentInput;
import io.indicators.release.ReleaseRequest.IndicatorInput;
import io.indicators.release.ReleaseRequest.ObservationInput;
import io.indicators.release.ReleaseRequest.PublicationInput;
import io.indicators.release.ReleaseRequest.RetractionInput;
import io.indicators.release.ReleaseRequest.SeriesPoint;
import io.indicators.source.DocumentRepository;
import io.indicators.source.PublicationRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a whole release before anything is written and reports every error with its JSON pointer, so a
 * publisher fixes a release in one round trip and nothing is ever half-applied.
 */
@ApplicationScoped
public class ReleaseValidator {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9.-]{0,99}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern UNIT = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final Set<String> BASES = Set.of("stated", "inferred", "unknown");
    private static final Map<String, Pattern> PRECISIONS = Map.of(
            "year", Pattern.compile("\\d{4}"), "month", Pattern.compile("\\d{4}-\\d{2}"),
            "day", Pattern.compile("\\d{4}-\\d{2}-\\d{2}"));
    private static final Set<String> PUBLICATION_KINDS = Set.of("survey", "report", "index", "statement", "database", "other");
    private static final Set<String> FREQUENCIES = Set.of("annual", "quarterly", "monthly", "irregular");
    private static final Set<String> VALUE_KINDS = Set.of("number", "range");
    private static final Set<String> STATUSES = Set.of("observed", "estimated", "projected", "derived");
    private static final Set<String> OPERATIONS = Set.of("ratio", "percent-of", "difference", "percent-change");

    /** Every read of a value carries its citations, so their number bounds what one value costs to serve. */
    static final int MAX_CITATIONS = 20;

    private final IndicatorRepository indicators;
    private final DocumentRepository documents;
    private final PublicationRepository publications;

    ReleaseValidator(IndicatorRepository indicators, DocumentRepository documents, PublicationRepository publications) {
        this.indicators = indicators;
        this.documents = documents;
        this.publications = publications;
    }

    public List<ProblemError> validate(ReleaseRequest request, CurrentValues currentValues) {
        Errors errors = new Errors();
        if (request.release() == null) {
            errors.add("/release", "is required");
        } else {
            slug(errors, "/release/id", request.release().id());
            required(errors, "/release/description", request.release().description());
        }
        Set<String> documentIds = ids(request.documents(), DocumentInput::id);
        Set<String> publicationIds = ids(request.publications(), PublicationInput::id);
        Map<String, String> valueKinds = new HashMap<>();
        for (int i = 0; i < request.documents().size(); i++) {
            document(errors, "/documents/" + i, request.documents().get(i));
        }
        for (int i = 0; i < request.publications().size(); i++) {
            publication(errors, "/publications/" + i, request.publications().get(i));
        }
        for (int i = 0; i < request.indicators().size(); i++) {
            IndicatorInput indicator = request.indicators().get(i);
            indicator(errors, "/indicators/" + i, indicator);
            if (indicator != null && indicator.id() != null) {
                valueKinds.put(indicator.id(), indicator.valueKind());
            }
        }
        duplicates(errors, "/documents", request.documents(), DocumentInput::id);
        duplicates(errors, "/publications", request.publications(), PublicationInput::id);
        duplicates(errors, "/indicators", request.indicators(), IndicatorInput::id);

        Set<String> points = new HashSet<>();
        for (int i = 0; i < request.observations().size(); i++) {
            String at = "/observations/" + i;
            ObservationInput observation = request.observations().get(i);
            if (observation == null) {
                errors.add(at, "is required");
                continue;
            }
            String valueKind = point(errors, at, observation.indicator(), observation.geo(), observation.period(), valueKinds);
            if (!points.add(observation.indicator() + "|" + observation.geo() + "|" + observation.period())) {
                errors.add(at, "the same indicator, geo and period appear twice in this release");
            }
            value(errors, at, observation, valueKind);
            citations(errors, at, observation.citations(), documentIds, publicationIds);
        }
        for (int i = 0; i < request.retractions().size(); i++) {
            String at = "/retractions/" + i;
            RetractionInput retraction = request.retractions().get(i);
            if (retraction == null) {
                errors.add(at, "is required");
                continue;
            }
            point(errors, at, retraction.indicator(), retraction.geo(), retraction.period(), valueKinds);
            required(errors, at + "/reason", retraction.reason());
            String key = retraction.indicator() + "|" + retraction.geo() + "|" + retraction.period();
            if (!points.add(key)) {
                errors.add(at, "the same value is both published and retracted, or retracted twice, in this release");
            } else if (!errors.has(at) && !currentValues.exists(retraction.indicator(), retraction.geo(), retraction.period())) {
                errors.add(at, "there is no current value to retract");
            }
        }
        for (int i = 0; i < request.observations().size(); i++) {
            ObservationInput observation = request.observations().get(i);
            if (observation != null && observation.derivation() != null) {
                derivation(errors, "/observations/" + i + "/derivation", observation, points, currentValues, valueKinds);
            }
        }
        return errors.list;
    }

    private void document(Errors errors, String at, DocumentInput document) {
        if (document == null) {
            errors.add(at, "is required");
            return;
        }
        slug(errors, at + "/id", document.id());
        required(errors, at + "/fileName", document.fileName());
        if (document.sha256() == null || !SHA256.matcher(document.sha256()).matches()) {
            errors.add(at + "/sha256", "must be the 64 lower-case hex digits of the document's SHA-256");
        }
        required(errors, at + "/publisher/original", document.publisher() == null ? null : document.publisher().original());
        required(errors, at + "/title/original", document.title() == null ? null : document.title().original());
        required(errors, at + "/language", document.language());
        date(errors, at + "/published", document.published());
    }

    private void publication(Errors errors, String at, PublicationInput publication) {
        if (publication == null) {
            errors.add(at, "is required");
            return;
        }
        slug(errors, at + "/id", publication.id());
        required(errors, at + "/publisher/original", publication.publisher() == null ? null : publication.publisher().original());
        required(errors, at + "/title/original", publication.title() == null ? null : publication.title().original());
        oneOf(errors, at + "/kind", publication.kind(), PUBLICATION_KINDS);
        date(errors, at + "/published", publication.published());
    }

    private void date(Errors errors, String at, DatePublished date) {
        if (date == null) {
            errors.add(at, "is required; use basis 'unknown' when the document does not say");
            return;
        }
        oneOf(errors, at + "/basis", date.basis(), BASES);
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

    private void indicator(Errors errors, String at, IndicatorInput indicator) {
        if (indicator == null) {
            errors.add(at, "is required");
            return;
        }
        slug(errors, at + "/id", indicator.id());
        required(errors, at + "/name/ko", indicator.name() == null ? null : indicator.name().ko());
        required(errors, at + "/name/en", indicator.name() == null ? null : indicator.name().en());
        if (indicator.unit() == null || indicator.unit().code() == null || !UNIT.matcher(indicator.unit().code()).matches()) {
            errors.add(at + "/unit/code", "is required: a lower-case unit code such as persons, percent, usd");
        } else if (indicator.unit().multiplier() != null
                && (indicator.unit().multiplier() < -15 || indicator.unit().multiplier() > 15)) {
            errors.add(at + "/unit/multiplier", "must be a power of ten between -15 and 15");
        }
        oneOf(errors, at + "/frequency", indicator.frequency(), FREQUENCIES);
        oneOf(errors, at + "/valueKind", indicator.valueKind(), VALUE_KINDS);
        Indicator existing = indicator.id() == null ? null : indicators.findById(indicator.id());
        if (existing != null && indicator.unit() != null && (!existing.unitCode.equals(indicator.unit().code())
                || existing.unitMultiplier != multiplier(indicator))) {
            errors.add(at + "/unit", "does not match the unit of the published indicator ("
                    + existing.unitCode + ", multiplier " + existing.unitMultiplier + "); a new unit is a new indicator");
        }
        if (existing != null && indicator.valueKind() != null && !existing.valueKind.equals(indicator.valueKind())) {
            errors.add(at + "/valueKind", "does not match the published indicator's value kind '" + existing.valueKind + "'");
        }
    }

    static int multiplier(IndicatorInput indicator) {
        return indicator.unit().multiplier() == null ? 0 : indicator.unit().multiplier();
    }

    /** Checks indicator, geo and period of a series point; returns the indicator's value kind when known. */
    private String point(Errors errors, String at, String indicatorId, String geo, String period, Map<String, String> valueKinds) {
        String valueKind = null;
        if (indicatorId == null) {
            errors.add(at + "/indicator", "is required");
        } else if (valueKinds.containsKey(indicatorId)) {
            valueKind = valueKinds.get(indicatorId);
        } else {
            Indicator existing = indicators.findById(indicatorId);
            if (existing == null) {
                errors.add(at + "/indicator", "unknown indicator '" + indicatorId + "'");
            } else {
                valueKind = existing.valueKind;
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

    private static void value(Errors errors, String at, ObservationInput observation, String valueKind) {
        oneOf(errors, at + "/status", observation.status(), STATUSES);
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

    private void citations(Errors errors, String at, List<CitationInput> citations, Set<String> documentIds,
            Set<String> publicationIds) {
        if (citations == null || citations.isEmpty()) {
            errors.add(at + "/citations", "at least one citation is required");
            return;
        }
        if (citations.size() > MAX_CITATIONS) {
            errors.add(at + "/citations", "at most " + MAX_CITATIONS + " citations per value");
            return;
        }
        for (int j = 0; j < citations.size(); j++) {
            String c = at + "/citations/" + j;
            CitationInput citation = citations.get(j);
            if (citation == null) {
                errors.add(c, "is required");
                continue;
            }
            if (citation.document() == null) {
                errors.add(c + "/document", "is required");
            } else if (!documentIds.contains(citation.document()) && documents.findById(citation.document()) == null) {
                errors.add(c + "/document", "unknown document '" + citation.document() + "'");
            }
            required(errors, c + "/quote", citation.quote());
            if (citation.publication() != null && !publicationIds.contains(citation.publication())
                    && publications.findById(citation.publication()) == null) {
                errors.add(c + "/publication", "unknown publication '" + citation.publication() + "'");
            }
        }
    }

    private void derivation(Errors errors, String at, ObservationInput observation, Set<String> points,
            CurrentValues currentValues, Map<String, String> valueKinds) {
        oneOf(errors, at + "/operation", observation.derivation().operation(), OPERATIONS);
        List<SeriesPoint> inputs = observation.derivation().inputs();
        if (inputs == null || inputs.size() != 2) {
            errors.add(at + "/inputs", "must name exactly two series points, a and b");
            return;
        }
        for (int j = 0; j < inputs.size(); j++) {
            SeriesPoint input = inputs.get(j);
            String p = at + "/inputs/" + j;
            if (input == null) {
                errors.add(p, "is required");
                continue;
            }
            int before = errors.list.size();
            point(errors, p, input.indicator(), input.geo(), input.period(), valueKinds);
            if (errors.list.size() == before && !points.contains(input.indicator() + "|" + input.geo() + "|" + input.period())
                    && !currentValues.exists(input.indicator(), input.geo(), input.period())) {
                errors.add(p, "names no value published in this release or before");
            }
        }
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().filter(item -> item != null && id.apply(item) != null).map(id).collect(Collectors.toSet());
    }

    private static <T> void duplicates(Errors errors, String at, List<T> items, Function<T, String> id) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item != null && id.apply(item) != null && !seen.add(id.apply(item))) {
                errors.add(at + "/" + i + "/id", "'" + id.apply(item) + "' appears twice in this release");
            }
        }
    }

    private static void slug(Errors errors, String at, String value) {
        if (value == null || !SLUG.matcher(value).matches()) {
            errors.add(at, "must be a slug: lower-case letters, digits, '.' and '-', at most 100 characters");
        }
    }

    private static void required(Errors errors, String at, String value) {
        if (value == null || value.isBlank()) {
            errors.add(at, "is required");
        }
    }

    private static void oneOf(Errors errors, String at, String value, Set<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            errors.add(at, "must be one of " + allowed.stream().sorted().toList());
        }
    }

    /** Whether a series point has a current, unretracted value in the catalogue. */
    public interface CurrentValues {
        boolean exists(String indicatorId, String geo, String period);
    }

    private static final class Errors {
        final List<ProblemError> list = new ArrayList<>();

        void add(String pointer, String detail) {
            list.add(ProblemError.atPointer(pointer, detail));
        }

        boolean has(String prefix) {
            return list.stream().anyMatch(e -> e.pointer().startsWith(prefix));
        }
    }
}
