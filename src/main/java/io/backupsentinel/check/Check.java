package io.backupsentinel.check;

import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.TableFacts;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One backup check: reads a table's facts and its typed parameters and says whether the table meets them.
 * Implementations are pure: no I/O, the time comes in as {@code now}, and a fact that is missing gives
 * UNKNOWN with its cause, never COMPLIANT. A check keeps no state of its own, static or not: whatever
 * depends only on the parameters (texts, derived limits) is computed once in {@link #bind} and carried by the
 * bound value, which lives as long as the rule set that bound it.
 *
 * @param <P> the check's bound parameters, made once per rule (and tier level) when rules are loaded
 */
public interface Check<P> {
    CheckSpec spec();

    /**
     * Turns validated parameter values into the check's bound parameters, with everything that depends on
     * them alone prepared; throws IllegalArgumentException with a message fit for a user when values
     * contradict each other (e.g. min above max).
     */
    P bind(Params params);

    Outcome evaluate(TableFacts facts, P params, Instant now);

    /**
     * Each kind of fact the check reads with these parameters (a subset of {@link CheckSpec#facts()}: rpo
     * with {@code sources: [pitr]} reads no backup listing) and how far back from now it needs it:
     * {@link Duration#ZERO} for a current state (PITR, plans, vaults), {@link Lookbacks#ALL_RETAINED} when
     * every backup AWS still keeps counts. A sweep collects exactly these kinds, each back to the longest
     * lookback of the rules that read it.
     */
    Map<FactKind, Duration> lookbacks(P params);
}
