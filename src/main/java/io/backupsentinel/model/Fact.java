package io.backupsentinel.model;

import java.util.Objects;
import java.util.function.Function;

/**
 * One collected fact, or why it is missing. Checks turn a missing fact into an UNKNOWN finding that
 * carries {@link #cause()}; they never read a missing fact as "nothing there".
 */
public record Fact<T>(T value, String cause) {
    public Fact {
        if ((value == null) == (cause == null)) {
            throw new IllegalArgumentException("a fact has either a value or a cause");
        }
    }

    public static <T> Fact<T> of(T value) {
        return new Fact<>(Objects.requireNonNull(value, "value"), null);
    }

    public static <T> Fact<T> failed(String cause) {
        return new Fact<>(null, Objects.requireNonNull(cause, "cause"));
    }

    /** A fact that this audit did not ask for, because no rule in scope needed it. */
    public static <T> Fact<T> notCollected(String what) {
        return failed(what + NOT_COLLECTED);
    }

    private static final String NOT_COLLECTED = " were not collected: no rule in scope asked for them";

    /** Whether this fact is missing only because the sweep did not ask for it (not because a call failed). */
    public boolean notAsked() {
        return cause != null && cause.endsWith(NOT_COLLECTED);
    }

    public boolean known() {
        return value != null;
    }

    public <R> Fact<R> map(Function<? super T, ? extends R> f) {
        return known() ? Fact.of(f.apply(value)) : Fact.failed(cause);
    }
}
