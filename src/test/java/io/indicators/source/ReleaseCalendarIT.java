package io.indicators.source;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ReleaseCalendarTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class ReleaseCalendarIT extends ReleaseCalendarTest {
}
