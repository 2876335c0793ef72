package io.indicators.observation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ObservationResourceTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class ObservationResourceIT extends ObservationResourceTest {
}
