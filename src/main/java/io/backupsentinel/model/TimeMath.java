package io.backupsentinel.model;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;

/**
 * Arithmetic on instants and durations that saturates instead of throwing: where a user's value (a rule's
 * {@code max_age}, a schedule, a config interval) meets the clock, an overflow must never turn into an
 * exception in the middle of an audit or a scheduler. Values are clamped to {@link Instant#MIN}/{@link
 * Instant#MAX} and to the largest {@link Duration}; durations parsed by {@link Durations} are already bounded
 * to 100 years, so clamping only ever happens on values no rule file can produce.
 */
public final class TimeMath {
    /** The largest duration {@link Duration} can hold. */
    public static final Duration LONGEST = Duration.ofSeconds(Long.MAX_VALUE, 999_999_999);

    private TimeMath() {
    }

    /** {@code at + d}, clamped to the instants Java can represent. */
    public static Instant plus(Instant at, Duration d) {
        try {
            return at.plus(d);
        } catch (ArithmeticException | DateTimeException e) {
            return d.isNegative() ? Instant.MIN : Instant.MAX;
        }
    }

    /** {@code at - d}, clamped to the instants Java can represent. */
    public static Instant minus(Instant at, Duration d) {
        try {
            return at.minus(d);
        } catch (ArithmeticException | DateTimeException e) {
            return d.isNegative() ? Instant.MAX : Instant.MIN;
        }
    }

    /** {@code a + b}, clamped to the longest durations, positive or negative. */
    public static Duration plus(Duration a, Duration b) {
        try {
            return a.plus(b);
        } catch (ArithmeticException e) {
            return a.isNegative() ? LONGEST.negated() : LONGEST;
        }
    }

    /** {@code d × factor}, clamped to the longest durations. */
    public static Duration times(Duration d, long factor) {
        try {
            return d.multipliedBy(factor);
        } catch (ArithmeticException e) {
            return d.isNegative() == factor < 0 ? LONGEST : LONGEST.negated();
        }
    }

    /** {@code days} days, clamped to the longest durations: day counts from AWS or a scenario can be any long. */
    public static Duration days(long days) {
        try {
            return Duration.ofDays(days);
        } catch (ArithmeticException e) {
            return days < 0 ? LONGEST.negated() : LONGEST;
        }
    }

    /** The duration in milliseconds, clamped to {@code long}'s range instead of throwing. */
    public static long millis(Duration d) {
        try {
            return d.toMillis();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The earlier of two instants, either of which may be null (meaning "never"). */
    public static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
