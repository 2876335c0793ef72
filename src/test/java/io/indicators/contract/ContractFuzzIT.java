package io.indicators.contract;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ContractFuzzTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class ContractFuzzIT extends ContractFuzzTest {
}
