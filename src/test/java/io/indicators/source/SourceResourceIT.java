package io.indicators.source;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link SourceResourceTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class SourceResourceIT extends SourceResourceTest {
}
