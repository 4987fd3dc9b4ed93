package io.backupsentinel.check;

import io.backupsentinel.model.TableFacts;

import java.time.Instant;

/**
 * One backup check: reads a table's facts and its typed parameters and says whether the table meets them.
 * Implementations are pure: no I/O, the time comes in as {@code now}, and a fact that is missing gives
 * UNKNOWN with its cause, never COMPLIANT.
 *
 * @param <P> the check's typed parameters, made once per rule (and tier) when rules are loaded
 */
public interface Check<P> {
    CheckSpec spec();

    /**
     * Turns validated parameter values into the check's typed parameters; throws IllegalArgumentException
     * with a message fit for a user when values contradict each other (e.g. min above max).
     */
    P bind(Params params);

    Outcome evaluate(TableFacts facts, P params, Instant now);
}
