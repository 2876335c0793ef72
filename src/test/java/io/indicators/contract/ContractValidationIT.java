package io.indicators.contract;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ContractValidationTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class ContractValidationIT extends ContractValidationTest {
}
