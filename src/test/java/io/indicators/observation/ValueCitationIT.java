package io.indicators.observation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ValueCitationTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class ValueCitationIT extends ValueCitationTest {
}
