package io.indicators;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A test profile whose service reads from a replica the subclass's resource names, with the answer cache off so
 * that every read reaches a database: the point of these tests is which one.
 */
public abstract class ReadsOnAReplica implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("indicators.response-cache.enabled", "false");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(replica()));
    }

    /** The resource that starts the replica and points the replica datasource at it. */
    protected abstract Class<? extends QuarkusTestResourceLifecycleManager> replica();
}
