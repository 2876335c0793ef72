package io.indicators.observation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SdmxCsvTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class SdmxCsvIT extends SdmxCsvTest {
}
