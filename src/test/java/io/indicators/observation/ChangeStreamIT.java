package io.indicators.observation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ChangeStreamTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class ChangeStreamIT extends ChangeStreamTest {
}
