package io.indicators.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.indicators.common.digest.Sha256;
import io.indicators.common.problem.ApiException;
import io.indicators.common.problem.ProblemError;
import io.indicators.release.Release;
import io.indicators.release.ReleaseBody;
import io.indicators.release.ReleaseRepository;
import io.indicators.release.ReleaseRequest;
import io.indicators.release.ReleaseSchema;
import io.indicators.release.ReleaseService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Applies the curated catalogue in {@code seeds/} at start-up through the same path as an HTTP publish, and under
 * the same rule: a release names what it builds on. Each seed file builds on the one before it (the first on an
 * empty catalogue), so a file applied already is skipped, and a file added or edited is applied only while the
 * seeds are the newest thing in the catalogue. Once a publisher has released through the API, a seed file edited
 * behind its back is refused with a log line instead of silently reverting a newer value.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    static final String PUBLISHER = "seed-loader";

    private final ReleaseService releaseService;
    private final ReleaseRepository releases;
    private final SeedConfig config;
    private final ObjectMapper yaml;
    private final ReleaseSchema schema;

    SeedLoader(ReleaseService releaseService, ReleaseRepository releases, SeedConfig config, ReleaseSchema schema) {
        this.schema = schema;
        this.releaseService = releaseService;
        this.releases = releases;
        this.config = config;
        // Every digit of a decimal kept in the tree the schema checks and the values are bound from.
        this.yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    }

    @RegisterForReflection
    record Catalogue(List<String> releases) {
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        String builtOn = null;
        for (String file : parse(config.location() + "/catalogue.yaml", Catalogue.class).releases()) {
            Optional<String> applied = apply(file, builtOn);
            if (applied.isEmpty()) {
                return;
            }
            builtOn = applied.get();
        }
    }

    /**
     * Applies one seed file on top of the seed release {@code builtOn} (null: the empty catalogue). The idempotency
     * key is the digest of the file's bytes, so a restart recognises an applied file without parsing it (start-up
     * time matters for a native service).
     *
     * @return the id of the release that holds the file, or empty when it was refused
     */
    Optional<String> apply(String file, String builtOn) {
        byte[] content = bytes(config.location() + "/" + file);
        String sha256 = Sha256.hex(content);
        String idempotencyKey = "seed:" + sha256;
        Optional<Release> applied = releases.findByIdempotencyKey(ReleaseService.scopedKey(PUBLISHER, idempotencyKey));
        if (applied.isPresent()) {
            return Optional.of(applied.get().id);
        }
        ReleaseRequest request = release(content, file);
        String id = request.release().id();
        String basedOn = builtOn;
        if (releases.findById(id) != null) {
            // Edited since it was applied: a new release, allowed only on top of the seeds' own newest release.
            Optional<Release> head = releases.head();
            if (head.isEmpty() || !PUBLISHER.equals(head.get().publishedBy)) {
                refuse(file, head);
                return Optional.empty();
            }
            id = id + "." + sha256.substring(0, 8);
            basedOn = head.get().id;
        }
        ReleaseRequest toPublish = new ReleaseRequest(new ReleaseRequest.ReleaseHeader(id, request.release().description()),
                basedOn, request.documents(), request.publications(), request.indicators(), request.observations(),
                request.retractions(), documentTexts(request));
        try {
            ReleaseService.Outcome outcome = releaseService.publish(ReleaseBody.of(toPublish), PUBLISHER,
                    idempotencyKey, ReleaseService.Precondition::builtOn);
            LOG.infof("Applied seed %s as release %s: %d added, %d revised, %d retracted, %d unchanged", file,
                    outcome.release().id, outcome.release().added, outcome.release().revised,
                    outcome.release().retracted, outcome.unchanged());
            return Optional.of(outcome.release().id);
        } catch (ApiException e) {
            if (e.kind() != ApiException.Kind.CONFLICT) {
                throw e;
            }
            refuse(file, releases.head());
            return Optional.empty();
        }
    }

    private static void refuse(String file, Optional<Release> head) {
        LOG.errorf("Seed file %s was NOT applied: it is new or edited, but the catalogue has moved on since the seeds "
                + "were applied (its newest release is %s, published by %s). Applying it now could revert a newer "
                + "value. Publish the change through POST /v1/releases, building on the newest release, instead. "
                + "No later seed file is applied either.", file, head.map(r -> r.id).orElse("none"),
                head.map(r -> r.publishedBy).orElse("nobody"));
    }

    /**
     * The texts of the documents the release cites that are in the configured folder, so its quotes are verified
     * as it is applied. A text that is absent is left out (its quotes are served as not verified); a text that is
     * there but differs from its hash fails the release.
     */
    private List<ReleaseRequest.DocumentText> documentTexts(ReleaseRequest request) {
        if (config.documents().isEmpty()) {
            return List.of();
        }
        Map<String, String> fileNames = new LinkedHashMap<>();
        request.documents().forEach(document -> fileNames.put(document.id(), document.fileName()));
        request.observations().stream().flatMap(observation -> observation.citations().stream())
                .map(ReleaseRequest.CitationInput::document).filter(document -> !fileNames.containsKey(document))
                .distinct().forEach(document -> fileNames.put(document, null));
        List<String> published = fileNames.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey)
                .toList();
        releases.currentFileNames(published).forEach(fileNames::put);
        List<ReleaseRequest.DocumentText> texts = new ArrayList<>();
        fileNames.forEach((document, fileName) -> {
            Path path = fileName == null ? null : config.documents().get().resolve(fileName);
            if (path == null || !Files.isRegularFile(path)) {
                LOG.warnf("The text of document %s (%s) is not in %s: its quotes are served as not verified",
                        document, fileName, config.documents().get().toAbsolutePath());
                return;
            }
            try {
                texts.add(new ReleaseRequest.DocumentText(document, Files.readString(path, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the text of document " + document + " at " + path, e);
            }
        });
        return texts;
    }

    /** A seed release, checked against the contract's schema as a published one is: the contract says seeds have its shape. */
    private ReleaseRequest release(byte[] content, String file) {
        try {
            JsonNode tree = yaml.readTree(content);
            List<ProblemError> errors = schema.check(ReleaseSchema.Part.RELEASE, tree, "");
            if (!errors.isEmpty()) {
                throw new IllegalStateException("Seed file " + file + " does not have the shape of a release in the "
                        + "contract (ReleaseRequest): " + errors.stream()
                                .map(error -> error.pointer() + " " + error.detail()).toList());
            }
            return yaml.treeToValue(tree, ReleaseRequest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed file " + file, e);
        }
    }

    private <T> T parse(String resource, Class<T> type) {
        return parse(bytes(resource), resource, type);
    }

    private <T> T parse(byte[] content, String name, Class<T> type) {
        try {
            return yaml.readValue(content, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed resource " + name, e);
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Seed resource " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read seed resource " + resource, e);
        }
    }

}
