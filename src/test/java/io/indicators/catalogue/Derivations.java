package io.indicators.catalogue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import io.indicators.catalogue.SeedCatalogue.Key;
import io.indicators.common.api.Derivation;
import io.indicators.common.api.SeriesPoint;
import io.indicators.release.ReleaseRequest.ObservationInput;

/**
 * Recomputes a derived value from its two inputs and compares it with the value the article states, within the
 * article's rounding: a value stated with d decimals stands for anything within half a unit of its last decimal.
 */
final class Derivations {

    private Derivations() {
    }

    /** The computed value and how far the stated one may be from it. */
    record Check(BigDecimal computed, BigDecimal stated, BigDecimal tolerance) {

        boolean consistent() {
            return io.indicators.release.Derivations.consistent(stated, computed);
        }
    }

    static BigDecimal compute(String operation, BigDecimal a, BigDecimal b) {
        return io.indicators.release.Derivations.compute(operation, a, b);
    }

    static BigDecimal tolerance(BigDecimal stated) {
        return io.indicators.release.Derivations.tolerance(stated);
    }

    /**
     * Checks one derived observation against the values it names, looked up with {@code values}; an empty result
     * means it is consistent, otherwise the message says what is wrong.
     */
    static Optional<String> problem(ObservationInput observation, Function<Key, Optional<ObservationInput>> values) {
        String where = Key.of(observation).toString();
        Derivation derivation = observation.derivation();
        if (derivation == null || derivation.inputs() == null || derivation.inputs().size() != 2) {
            return Optional.of(where + ": a derived value needs a derivation with exactly two inputs (a, b)");
        }
        if (observation.value() == null) {
            return Optional.of(where + ": a derived value must be a single number");
        }
        BigDecimal[] inputs = new BigDecimal[2];
        List<SeriesPoint> points = derivation.inputs();
        for (int i = 0; i < 2; i++) {
            Key key = Key.of(points.get(i));
            Optional<ObservationInput> input = values.apply(key);
            if (input.isEmpty() || input.get().value() == null) {
                return Optional.of(where + ": input " + (i == 0 ? "a" : "b") + " (" + key
                        + ") has no single current value in the catalogue");
            }
            inputs[i] = input.get().value();
        }
        if (inputs[1].signum() == 0 && !"difference".equals(derivation.operation())) {
            return Optional.of(where + ": input b is zero");
        }
        Check check;
        try {
            check = new Check(compute(derivation.operation(), inputs[0], inputs[1]), observation.value(),
                    tolerance(observation.value()));
        } catch (IllegalArgumentException e) {
            return Optional.of(where + ": " + e.getMessage());
        }
        if (check.consistent()) {
            return Optional.empty();
        }
        return Optional.of(where + ": INCONSISTENT — the article states " + observation.value().toPlainString()
                + " but " + derivation.operation() + "(" + inputs[0].toPlainString() + ", " + inputs[1].toPlainString()
                + ") = " + check.computed().round(new MathContext(8)).toPlainString() + ", which is not within ±"
                + check.tolerance().toPlainString() + " (the rounding of the stated value)");
    }
}
