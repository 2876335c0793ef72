package io.indicators.agent;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link McpToolsTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class McpToolsIT extends McpToolsTest {
}
