package io.indicators.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PlatformTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class PlatformIT extends PlatformTest {
}
