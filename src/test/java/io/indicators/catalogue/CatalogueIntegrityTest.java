package io.indicators.catalogue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.indicators.catalogue.SeedCatalogue.Key;
import io.indicators.catalogue.SeedCatalogue.ReleaseFile;
import io.indicators.common.api.DatePublished;
import io.indicators.release.ReleaseRequest.CitationInput;
import io.indicators.release.ReleaseRequest.DocumentInput;
import io.indicators.release.ReleaseRequest.IndicatorInput;
import io.indicators.release.ReleaseRequest.ObservationInput;
import io.indicators.release.ReleaseRequest.PublicationInput;

/**
 * The catalogue's own rules, checked on the seed files alone (the source texts are checked by
 * {@link SourceDocumentsTest}): every value cited, every citation a document, every indicator a unit, and a
 * document with nothing drawn from it saying why.
 */
class CatalogueIntegrityTest {

    private static final Pattern NO_QUANTITATIVE_CLAIM = Pattern.compile("(?i)\\bno quantitative claims?\\b");
    private static final Pattern NO_PRIMARY_SOURCE = Pattern.compile("(?i)\\bno (primary )?source\\b");

    private final SeedCatalogue seeds = SeedCatalogue.load();

    @Test
    void everyObservationHasACitationAndEveryCitationADocument() {
        check(problems -> {
            for (Map.Entry<ReleaseFile, ObservationInput> entry : seeds.allObservations()) {
                ObservationInput observation = entry.getValue();
                String where = entry.getKey().file() + ": " + Key.of(observation);
                if (observation.citations() == null || observation.citations().isEmpty()) {
                    problems.accept(where + " has no citation");
                    continue;
                }
                for (CitationInput citation : observation.citations()) {
                    if (citation.document() == null || !seeds.documents.containsKey(citation.document())) {
                        problems.accept(where + " cites no known document ('" + citation.document() + "')");
                    }
                    if (citation.quote() == null || citation.quote().isBlank()) {
                        problems.accept(where + " has a citation without a quote");
                    }
                    if (citation.publication() != null && !seeds.publications.containsKey(citation.publication())) {
                        problems.accept(where + " cites an unknown publication '" + citation.publication() + "'");
                    }
                    if (citation.publication() == null
                            && (observation.note() == null || !NO_PRIMARY_SOURCE.matcher(observation.note()).find())) {
                        problems.accept(where + " names no primary publication, but its note does not say "
                                + "'no primary source'");
                    }
                }
            }
        });
    }

    @Test
    void everyIndicatorHasAUnitAndAValue() {
        check(problems -> {
            for (IndicatorInput indicator : seeds.indicators.values()) {
                if (indicator.unit() == null || indicator.unit().code() == null || indicator.unit().code().isBlank()) {
                    problems.accept("indicator " + indicator.id() + " has no unit code");
                }
                if (indicator.name() == null || blank(indicator.name().ko()) || blank(indicator.name().en())) {
                    problems.accept("indicator " + indicator.id() + " lacks a Korean or English name");
                }
                if (indicator.description() == null || blank(indicator.description().ko())
                        || blank(indicator.description().en())) {
                    problems.accept("indicator " + indicator.id() + " lacks a Korean or English description");
                }
                if (seeds.observationsOf(indicator.id()).isEmpty()) {
                    problems.accept("indicator " + indicator.id() + " has no current value");
                }
            }
            for (Map.Entry<ReleaseFile, ObservationInput> entry : seeds.allObservations()) {
                ObservationInput observation = entry.getValue();
                IndicatorInput indicator = seeds.indicators.get(observation.indicator());
                String where = entry.getKey().file() + ": " + Key.of(observation);
                if (indicator == null) {
                    problems.accept(where + ": no such indicator in seeds/");
                } else if ("range".equals(indicator.valueKind())
                        ? observation.low() == null || observation.high() == null || observation.value() != null
                        : observation.value() == null || observation.low() != null || observation.high() != null) {
                    problems.accept(where + ": the value does not match the indicator's value kind "
                            + indicator.valueKind());
                }
                if ("derived".equals(observation.status()) != (observation.derivation() != null)) {
                    problems.accept(where + ": a derivation goes with the status 'derived', and only with it");
                }
            }
        });
    }

    @Test
    void everyDocumentAndPublicationHasADateWithItsBasis() {
        check(problems -> {
            for (DocumentInput document : seeds.documents.values()) {
                date("document " + document.id(), document.published(), problems);
                if (blank(document.fileName()) || blank(document.sha256())) {
                    problems.accept("document " + document.id() + " lacks its file name or SHA-256");
                }
            }
            for (PublicationInput publication : seeds.publications.values()) {
                date("publication " + publication.id(), publication.published(), problems);
            }
            Set<String> fileNames = new HashSet<>();
            seeds.documents.values().forEach(d -> {
                if (!fileNames.add(d.fileName())) {
                    problems.accept("two documents share the file " + d.fileName());
                }
            });
        });
    }

    @Test
    void aDocumentWithNothingDrawnFromItSaysSo() {
        Set<String> cited = new HashSet<>();
        seeds.current.values().forEach(c -> c.observation().citations().forEach(citation -> cited.add(citation.document())));
        check(problems -> seeds.documents.values().stream().filter(d -> !cited.contains(d.id())).forEach(d -> {
            if (d.note() == null || !NO_QUANTITATIVE_CLAIM.matcher(d.note()).find()) {
                problems.accept("document " + d.id() + " (" + d.fileName() + ") has no value drawn from it, but its "
                        + "note does not say 'No quantitative claim' (and why)");
            }
        }));
        check(problems -> seeds.documents.values().stream().filter(d -> cited.contains(d.id()))
                .filter(d -> d.note() != null && NO_QUANTITATIVE_CLAIM.matcher(d.note()).find())
                .forEach(d -> problems.accept("document " + d.id() + " says it has no quantitative claim, yet values "
                        + "cite it")));
    }

    private static void date(String what, DatePublished date, Consumer<String> problems) {
        if (date == null) {
            problems.accept(what + " has no publication date (use basis 'unknown')");
        } else if ("unknown".equals(date.basis())) {
            if (date.date() != null) {
                problems.accept(what + ": an unknown date must have no date");
            }
        } else if (!Set.of("stated", "inferred").contains(date.basis())) {
            problems.accept(what + ": basis must be stated, inferred or unknown");
        } else if (date.date() == null || blank(date.evidence()) || date.precision() == null
                || date.date().length() != switch (date.precision()) {
                    case "year" -> 4;
                    case "month" -> 7;
                    case "day" -> 10;
                    default -> -1;
                }) {
            problems.accept(what + ": a " + date.basis() + " date needs a date matching its precision and evidence");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static void check(Consumer<Consumer<String>> body) {
        List<String> problems = new ArrayList<>();
        body.accept(problems::add);
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s) in seeds/:\n  " + String.join("\n  ", problems));
    }
}
