package io.indicators.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.indicators.catalogue.SeedCatalogue.ReleaseFile;
import io.indicators.release.ReleaseRequest.CitationInput;
import io.indicators.release.ReleaseRequest.DocumentInput;
import io.indicators.release.ReleaseRequest.ObservationInput;

/**
 * Checks the seeds against the source texts: each document's SHA-256, each citation's quote verbatim in its
 * document, a stated date's evidence verbatim, and every file in the documents folder in the catalogue. The texts
 * are not in this repository; where they are absent these checks are reported as skipped, saying why, never as
 * passed.
 */
class SourceDocumentsTest {

    private final SeedCatalogue seeds = SeedCatalogue.load();

    /** Skips (or, when they are required, fails) a check that needs the documents, saying why. */
    private void requireDocuments() {
        if (!seeds.documentsPresent() && SeedCatalogue.documentsRequired()) {
            fail(seeds.documentsAbsentMessage());
        }
        assumeTrue(seeds.documentsPresent(), seeds::documentsAbsentMessage);
    }

    /**
     * The dynamic tests when the documents are present; otherwise one test that is reported as skipped (or failed)
     * with the reason, since a factory that aborts itself does not show in every test report.
     */
    private Stream<DynamicTest> withDocuments(Supplier<Stream<DynamicTest>> tests) {
        if (!seeds.documentsPresent()) {
            return Stream.of(DynamicTest.dynamicTest("source documents absent", this::requireDocuments));
        }
        return tests.get();
    }

    @TestFactory
    Stream<DynamicTest> everyDocumentHasTheRecordedSha256() {
        return withDocuments(
                () -> seeds.documents.values().stream().map(document -> DynamicTest.dynamicTest(document.fileName(), () -> {
                    Path file = seeds.documentsDir().resolve(document.fileName());
                    assertTrue(Files.isRegularFile(file), "document " + document.id() + ": no file " + file);
                    assertEquals(document.sha256(), SeedCatalogue.sha256(seeds.documentBytes(document)),
                            "document " + document.id() + ": the SHA-256 of " + file + " is not the one recorded in seeds/");
                })));
    }

    @TestFactory
    Stream<DynamicTest> everyQuoteOccursVerbatimInItsDocument() {
        return withDocuments(this::quoteTests);
    }

    private Stream<DynamicTest> quoteTests() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<ReleaseFile, ObservationInput> entry : seeds.allObservations()) {
            ObservationInput observation = entry.getValue();
            List<CitationInput> citations = observation.citations() == null ? List.of() : observation.citations();
            for (CitationInput citation : citations) {
                String where = entry.getKey().file() + ": " + SeedCatalogue.Key.of(observation);
                tests.add(DynamicTest.dynamicTest(where + " «" + citation.quote() + "»", () -> {
                    DocumentInput document = seeds.documents.get(citation.document());
                    assertTrue(document != null, where + ": unknown document '" + citation.document() + "'");
                    assertTrue(citation.quote() != null && !citation.quote().isBlank(), where + ": empty quote");
                    assertTrue(seeds.documentText(document).contains(citation.quote()), where + ": the quote «"
                            + citation.quote() + "» does not occur verbatim in " + document.fileName());
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> statedDatesAndUrlsAreInTheirDocuments() {
        return withDocuments(
                () -> seeds.documents.values().stream().map(document -> DynamicTest.dynamicTest(document.fileName(), () -> {
                    String text = seeds.documentText(document);
                    if ("stated".equals(document.published().basis())) {
                        assertTrue(text.contains(document.published().evidence()), "document " + document.id()
                                + ": its date is 'stated' but the evidence «" + document.published().evidence()
                                + "» is not in the text");
                    }
                    if (document.url() != null) {
                        assertTrue(text.contains(document.url()), "document " + document.id() + ": the url "
                                + document.url() + " is not in the text; never record a url the document does not carry");
                    }
                })));
    }

    @Test
    void everyFileInTheDocumentsFolderIsInTheCatalogue() throws IOException {
        requireDocuments();
        Set<String> files;
        try (Stream<Path> list = Files.list(seeds.documentsDir())) {
            files = list.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith(".") && !name.toLowerCase().endsWith(".md"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> catalogued = seeds.documents.values().stream().map(DocumentInput::fileName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(files);
        missing.removeAll(catalogued);
        assertTrue(missing.isEmpty(), "documents in " + seeds.documentsDir() + " with no entry in seeds/: " + missing);
        assertTrue(!files.isEmpty(), "no documents at all in " + seeds.documentsDir());
    }
}
