package io.indicators.indicator;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link DatasetJsonLdTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class DatasetJsonLdIT extends DatasetJsonLdTest {
}
