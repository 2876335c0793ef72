package io.indicators.contract;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ContractDriftTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class ContractDriftIT extends ContractDriftTest {
}
