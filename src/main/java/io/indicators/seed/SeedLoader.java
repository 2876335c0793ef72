package io.indicators.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.indicators.release.ReleaseRepository;
import io.indicators.release.ReleaseRequest;
import io.indicators.release.ReleaseService;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Applies the curated catalogue in {@code seeds/} at start-up through the same path as an HTTP publish. A file
 * already applied (same content hash) is skipped, so restarts load nothing twice; an edited file becomes a new
 * release, so its changed values become new versions.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);
    private static final String PUBLISHER = "seed-loader";

    private final ReleaseService releaseService;
    private final ReleaseRepository releases;
    private final SeedConfig config;
    private final ObjectMapper yaml;

    SeedLoader(ReleaseService releaseService, ReleaseRepository releases, SeedConfig config) {
        this.releaseService = releaseService;
        this.releases = releases;
        this.config = config;
        this.yaml = YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    }

    @RegisterForReflection
    record Catalogue(List<String> releases) {
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            parse(config.location() + "/catalogue.yaml", Catalogue.class).releases().forEach(this::apply);
        }
    }

    /**
     * The idempotency key is the digest of the file's bytes, so a restart recognises an applied file without parsing
     * it (start-up time matters for a native service). Reformatting a file re-applies it as a release that changes
     * nothing.
     */
    void apply(String file) {
        byte[] content = bytes(config.location() + "/" + file);
        String sha256 = HexFormat.of().formatHex(digest(content));
        String idempotencyKey = "seed:" + sha256;
        if (releases.findByIdempotencyKey(idempotencyKey).isPresent()) {
            return;
        }
        ReleaseRequest request = parse(content, file, ReleaseRequest.class);
        ReleaseRequest toPublish = request;
        if (releases.findById(request.release().id()) != null) {
            // The file changed since it was applied: publish it again under a new id; unchanged values stay as they are.
            String id = request.release().id() + "." + sha256.substring(0, 8);
            toPublish = new ReleaseRequest(new ReleaseRequest.ReleaseHeader(id, request.release().description()),
                    null, request.documents(), request.publications(), request.indicators(), request.observations(),
                    request.retractions());
        }
        ReleaseService.Outcome outcome = releaseService.publish(toPublish, PUBLISHER, idempotencyKey, null);
        LOG.infof("Applied seed %s as release %s: %d added, %d revised, %d retracted, %d unchanged", file,
                outcome.release().id, outcome.release().added, outcome.release().revised, outcome.release().retracted,
                outcome.unchanged());
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

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
