package io.indicators.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * {@link TraceContextTest} against the packaged application (the native executable under {@code -Dnative}), which
 * logs JSON as in production: the trace id is read from its log file.
 */
@QuarkusIntegrationTest
class TraceContextIT extends TraceContextTest {

    @Override
    LogLines watchTheLog() {
        return theApplicationsLogFile();
    }
}
