package io.indicators.release;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link LargeReleaseTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class LargeReleaseIT extends LargeReleaseTest {
}
