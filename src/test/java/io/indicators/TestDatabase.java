package io.indicators;

import io.quarkus.test.common.QuarkusTestResource;

/** Registers the embedded PostgreSQL for every test class in the suite. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
public final class TestDatabase {

    private TestDatabase() {
    }
}
