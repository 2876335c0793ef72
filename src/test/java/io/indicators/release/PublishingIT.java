package io.indicators.release;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PublishingTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class PublishingIT extends PublishingTest {
}
