package io.backupsentinel.engine;

import io.backupsentinel.model.Status;

/** How many findings have each status, for one group (the fleet, a rule, an account-region). */
public record StatusCounts(int compliant, int nonCompliant, int unknown, int exempt) {
    public static final StatusCounts NONE = new StatusCounts(0, 0, 0, 0);

    public int total() {
        return compliant + nonCompliant + unknown + exempt;
    }

    public int of(Status s) {
        return switch (s) {
            case COMPLIANT -> compliant;
            case NON_COMPLIANT -> nonCompliant;
            case UNKNOWN -> unknown;
            case EXEMPT -> exempt;
        };
    }

    StatusCounts plus(StatusCounts o) {
        return new StatusCounts(compliant + o.compliant, nonCompliant + o.nonCompliant, unknown + o.unknown,
                exempt + o.exempt);
    }

    StatusCounts plus(Status s) {
        return switch (s) {
            case COMPLIANT -> new StatusCounts(compliant + 1, nonCompliant, unknown, exempt);
            case NON_COMPLIANT -> new StatusCounts(compliant, nonCompliant + 1, unknown, exempt);
            case UNKNOWN -> new StatusCounts(compliant, nonCompliant, unknown + 1, exempt);
            case EXEMPT -> new StatusCounts(compliant, nonCompliant, unknown, exempt + 1);
        };
    }
}
