package io.indicators.explorer;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** {@link ExplorerBrowserTest} against the packaged application: the native executable under {@code -Dnative}. */
@QuarkusIntegrationTest
class ExplorerBrowserIT extends ExplorerBrowserTest {

    @Override
    String mode() {
        return "native";
    }
}
