package io.indicators.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link DatabaseOutageTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class DatabaseOutageIT extends DatabaseOutageTest {
}
