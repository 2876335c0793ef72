package io.indicators.observation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SdmxJsonTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class SdmxJsonIT extends SdmxJsonTest {
}
