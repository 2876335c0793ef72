package io.indicators.catalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.indicators.common.api.SeriesPoint;
import io.indicators.release.ReleaseRequest;
import io.indicators.release.ReleaseRequest.CitationInput;
import io.indicators.release.ReleaseRequest.DocumentInput;
import io.indicators.release.ReleaseRequest.IndicatorInput;
import io.indicators.release.ReleaseRequest.ObservationInput;
import io.indicators.release.ReleaseRequest.PublicationInput;
import io.indicators.release.ReleaseRequest.RetractionInput;

/**
 * The seed catalogue as the files in {@code seeds/} state it, read straight from the project directory (not from
 * the service): the release files in {@code catalogue.yaml} order, and the state they leave when applied one after
 * the other — the latest declaration of each document, publication and indicator, and the latest value of each
 * indicator, geo and period, retractions removing values.
 */
final class SeedCatalogue {

    /** System property naming the folder holding the source documents. */
    static final String DOCUMENTS_PROPERTY = "catalogue.documents.dir";
    /** Environment variable naming the folder holding the source documents, when the property is not set. */
    static final String DOCUMENTS_ENV = "CATALOGUE_DOCUMENTS_DIR";
    /** Where the documents are by default, relative to the project root. */
    static final String DOCUMENTS_DEFAULT = "../shared/seeds";
    /** Set to true (property or CATALOGUE_DOCUMENTS_REQUIRED=true) to fail, not skip, when the documents are absent. */
    static final String DOCUMENTS_REQUIRED_PROPERTY = "catalogue.documents.required";

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static SeedCatalogue loaded;

    record Catalogue(List<String> releases) {
    }

    /** One release file, in the order it is applied. */
    record ReleaseFile(String file, ReleaseRequest request) {
    }

    /** A series point: indicator, geo and period. */
    record Key(String indicator, String geo, String period) {

        static Key of(ObservationInput observation) {
            return new Key(observation.indicator(), observation.geo(), observation.period());
        }

        static Key of(SeriesPoint point) {
            return new Key(point.indicator(), point.geo(), point.period());
        }

        static Key of(RetractionInput retraction) {
            return new Key(retraction.indicator(), retraction.geo(), retraction.period());
        }

        @Override
        public String toString() {
            return indicator + " " + geo + " " + period;
        }
    }

    /** A current value and the release (file and id) whose content it is. */
    record Current(ObservationInput observation, ReleaseFile release) {
    }

    final Path root;
    final List<ReleaseFile> releases;
    final Map<String, DocumentInput> documents = new LinkedHashMap<>();
    final Map<String, PublicationInput> publications = new LinkedHashMap<>();
    final Map<String, IndicatorInput> indicators = new LinkedHashMap<>();
    final Map<Key, Current> current = new LinkedHashMap<>();

    private SeedCatalogue(Path root, List<ReleaseFile> releases) {
        this.root = root;
        this.releases = releases;
        for (ReleaseFile release : releases) {
            ReleaseRequest request = release.request();
            request.documents().forEach(d -> documents.put(d.id(), d));
            request.publications().forEach(p -> publications.put(p.id(), p));
            request.indicators().forEach(i -> indicators.put(i.id(), i));
            for (ObservationInput observation : request.observations()) {
                Current before = current.get(Key.of(observation));
                if (before == null || !sameContent(before.observation(), observation)) {
                    // An unchanged value keeps the version (and release) it already has, as the service does.
                    current.put(Key.of(observation), new Current(observation, release));
                }
            }
            request.retractions().forEach(r -> current.remove(Key.of(r)));
        }
    }

    /** The catalogue of this project, read once per JVM. */
    static synchronized SeedCatalogue load() {
        if (loaded == null) {
            loaded = read(projectRoot());
        }
        return loaded;
    }

    static SeedCatalogue read(Path root) {
        Path seeds = root.resolve("seeds");
        try {
            Catalogue catalogue = YAML.readValue(seeds.resolve("catalogue.yaml").toFile(), Catalogue.class);
            List<ReleaseFile> files = new ArrayList<>();
            for (String file : catalogue.releases()) {
                files.add(new ReleaseFile(file, YAML.readValue(seeds.resolve(file).toFile(), ReleaseRequest.class)));
            }
            return new SeedCatalogue(root, Collections.unmodifiableList(files));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seed catalogue in " + seeds, e);
        }
    }

    /** The project directory: the working directory of the test run, or the nearest parent holding seeds/. */
    static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isRegularFile(candidate.resolve("seeds/catalogue.yaml"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No seeds/catalogue.yaml in " + dir + " or any parent");
    }

    /** The folder configured for the source documents, whether or not it exists. */
    Path documentsDir() {
        String configured = System.getProperty(DOCUMENTS_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = System.getenv(DOCUMENTS_ENV);
        }
        if (configured == null || configured.isBlank()) {
            configured = DOCUMENTS_DEFAULT;
        }
        return root.resolve(configured).normalize();
    }

    boolean documentsPresent() {
        return Files.isDirectory(documentsDir());
    }

    /** Whether absent documents must fail the suite rather than skip the checks that need them. */
    static boolean documentsRequired() {
        return Boolean.parseBoolean(System.getProperty(DOCUMENTS_REQUIRED_PROPERTY,
                Objects.requireNonNullElse(System.getenv("CATALOGUE_DOCUMENTS_REQUIRED"), "false")));
    }

    String documentsAbsentMessage() {
        return "The source documents are not at " + documentsDir() + ", so the checks that read them (quotes, "
                + "SHA-256 hashes, every document in the catalogue) were NOT run. Put the documents there or point "
                + "-D" + DOCUMENTS_PROPERTY + "=DIR (or " + DOCUMENTS_ENV + "=DIR) at them; -D"
                + DOCUMENTS_REQUIRED_PROPERTY + "=true makes their absence a failure.";
    }

    byte[] documentBytes(DocumentInput document) {
        try {
            return Files.readAllBytes(documentsDir().resolve(document.fileName()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read document " + document.fileName(), e);
        }
    }

    String documentText(DocumentInput document) {
        return new String(documentBytes(document), StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Current observations of one indicator, in the order the seeds give them. */
    List<ObservationInput> observationsOf(String indicatorId) {
        return current.values().stream().map(Current::observation)
                .filter(o -> o.indicator().equals(indicatorId)).toList();
    }

    Optional<ObservationInput> observation(Key key) {
        return Optional.ofNullable(current.get(key)).map(Current::observation);
    }

    /** Every observation in any release file, with the file it is in, for checks that apply to all of them. */
    List<Map.Entry<ReleaseFile, ObservationInput>> allObservations() {
        List<Map.Entry<ReleaseFile, ObservationInput>> all = new ArrayList<>();
        releases.forEach(r -> r.request().observations().forEach(o -> all.add(Map.entry(r, o))));
        return all;
    }

    /** The same rule the service uses to decide that a republished value is unchanged. */
    static boolean sameContent(ObservationInput a, ObservationInput b) {
        return sameNumber(a.value(), b.value()) && sameNumber(a.low(), b.low()) && sameNumber(a.high(), b.high())
                && Objects.equals(a.status(), b.status()) && Objects.equals(a.note(), b.note())
                && Objects.equals(a.derivation(), b.derivation()) && sameCitations(a.citations(), b.citations());
    }

    private static boolean sameCitations(List<CitationInput> a, List<CitationInput> b) {
        return Objects.equals(a, b);
    }

    static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
