package io.indicators.indicator;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link IndicatorResourceTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class IndicatorResourceIT extends IndicatorResourceTest {
}
