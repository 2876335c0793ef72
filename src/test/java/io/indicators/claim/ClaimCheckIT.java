package io.indicators.claim;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ClaimCheckTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class ClaimCheckIT extends ClaimCheckTest {
}
