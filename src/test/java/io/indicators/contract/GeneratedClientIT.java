package io.indicators.contract;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link GeneratedClientTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class GeneratedClientIT extends GeneratedClientTest {
}
