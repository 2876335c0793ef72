package io.indicators.catalogue;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link CatalogueApiTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class CatalogueApiIT extends CatalogueApiTest {
}
