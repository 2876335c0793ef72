package io.indicators.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link MetricsTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class MetricsIT extends MetricsTest {
}
