package io.indicators.source;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CitationsTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class CitationsIT extends CitationsTest {
}
