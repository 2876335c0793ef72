package io.indicators.release;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link HostileInputTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class HostileInputIT extends HostileInputTest {
}
