package io.quarkus.smallrye.openapi.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import io.quarkus.arc.Unremovable;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.quarkus.smallrye.openapi.runtime.filter.AutoSecurityFilter;
import io.smallrye.openapi.runtime.io.Format;

/**
 * Prepares the served OpenAPI document on the first request for it instead of at every start: since Quarkus 3.31
 * the extension parses and serialises the document eagerly (quarkusio/quarkus#54826), about 58 ms of a native
 * start's CPU (src/bench/profile.md), for a document that is the committed contract and that most pods never serve.
 * Upstream fixed it in "Skip building the OpenAPI document eagerly on startup" (quarkusio/quarkus#55538), in no
 * release this project resolves yet. Delete this class when the Quarkus version has that fix (ADR 0004).
 *
 * <p>
 * It overrides a package-private method, hence the package: in the production artifact and the native executable
 * the extension and the application share one class loader, so the override applies. Dev mode and the JVM test suite
 * load the extension with another class loader, where this class could not even set the field it inherits, so it
 * is a bean of production builds only; there the document is prepared at start, as without it. ContractDriftIT
 * checks the deferred path in the native executable.
 */
@IfBuildProfile("prod")
@Alternative
@Priority(1)
// The extension looks the service up by type at start, never through an injection point, so ArC saw this bean as
// unused and removed it: the document was prepared at start after all (src/bench/profile.md, 40 ms of CPU).
@Unremovable
// No client proxy: the start-up recorder must reach this very instance, whichever class loader sees the override.
@Singleton
public class DeferredOpenApiDocumentService extends OpenApiDocumentService {

    private final Map<String, Runnable> pending = new ConcurrentHashMap<>();

    @Override
    void prepareDocument(AutoSecurityFilter autoSecurityFilter, Map<OpenApiFilter.RunStage, List<String>> filters,
            String documentName) {
        pending.put(documentName, () -> super.prepareDocument(autoSecurityFilter, filters, documentName));
    }

    @Override
    public byte[] getDocument(String documentName, Format format) {
        if (!pending.isEmpty()) {
            prepare(documentName);
        }
        return super.getDocument(documentName, format);
    }

    private synchronized void prepare(String documentName) {
        Runnable preparation = pending.remove(documentName);
        if (preparation != null) {
            preparation.run();
        }
    }
}
