package io.indicators.observation;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link TidyCsvTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class TidyCsvIT extends TidyCsvTest {
}
