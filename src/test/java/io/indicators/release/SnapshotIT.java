package io.indicators.release;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SnapshotTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class SnapshotIT extends SnapshotTest {
}
