package io.indicators.release;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.indicators.common.problem.ApiException;
import io.indicators.common.problem.ProblemError;

/**
 * The errors found in a release, counted in full but kept only as many as one problem lists: a release of 100,000
 * invalid values must not need 100,000 error objects in a small heap to say so.
 */
final class ReleaseErrors {

    private final List<ProblemError> kept = new ArrayList<>();
    /**
     * One error per value: the contract's schema speaks first (ReleaseSchema, as the body is read), and a rule of
     * the validator that finds the same value wrong again adds nothing a publisher needs.
     */
    private final Set<String> pointers = new HashSet<>();
    private int count;

    void add(String pointer, String detail) {
        add(ProblemError.atPointer(pointer, detail));
    }

    void add(ProblemError error) {
        if (error.pointer() != null && !pointers.add(error.pointer())) {
            return;
        }
        count++;
        if (kept.size() < ApiException.MAX_ERRORS) {
            kept.add(error);
        }
    }

    void addAll(List<ProblemError> errors) {
        errors.forEach(this::add);
    }

    int count() {
        return count;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Stops the release with every error counted and the first ones listed; nothing it wrote is kept. */
    void throwIfAny() {
        if (count > 0) {
            throw ApiException.invalidRelease(kept, count);
        }
    }
}
