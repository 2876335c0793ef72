package io.indicators.source;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link PublicationsTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class PublicationsIT extends PublicationsTest {
}
