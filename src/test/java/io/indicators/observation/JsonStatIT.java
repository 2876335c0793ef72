package io.indicators.observation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link JsonStatTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class JsonStatIT extends JsonStatTest {
}
