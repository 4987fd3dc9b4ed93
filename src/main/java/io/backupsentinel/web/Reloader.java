package io.backupsentinel.web;

import java.util.List;
import java.util.Objects;

/**
 * Reloads the rules when {@code POST /-/reload} asks: parse and validate the files completely, then swap the
 * new set in one step, or keep the old set and say why. Implemented by the daemon's wiring.
 */
@FunctionalInterface
public interface Reloader {
    Result reload();

    /** What a reload did: applied with a one-line summary, or rejected with every error. */
    sealed interface Result permits Applied, Rejected {
    }

    /** The new rule set is active, e.g. summary "12 rules loaded from rules/ (3 added, 1 removed)". */
    record Applied(String summary) implements Result {
        public Applied {
            Objects.requireNonNull(summary, "summary");
        }
    }

    /** The old rule set stays; each error as {@code FILE:LINE:COLUMN: rule NAME: message}. */
    record Rejected(List<String> errors) implements Result {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejected reload names at least one error");
            }
        }
    }
}
