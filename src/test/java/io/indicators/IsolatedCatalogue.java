package io.indicators;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * For tests that publish: they run against a catalogue of their own, so the values other tests assert on stay
 * the seeded ones whatever order the classes run in.
 */
public class IsolatedCatalogue implements QuarkusTestProfile {
}
