package io.backupsentinel.model;

import java.time.Duration;
import java.time.Instant;

/**
 * Arithmetic on instants that cannot overflow: user-given durations (up to the bound {@link Durations}
 * enforces) added to any instant saturate at {@link Instant#MAX} / {@link Instant#MIN} instead of throwing.
 */
public final class Instants {
    private Instants() {
    }

    /** {@code at + d}, or Instant.MAX / MIN when that lies beyond what an Instant can hold. */
    public static Instant plus(Instant at, Duration d) {
        try {
            return at.plus(d);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return d.isNegative() ? Instant.MIN : Instant.MAX;
        }
    }

    /** {@code at - d}, saturating like {@link #plus}. */
    public static Instant minus(Instant at, Duration d) {
        try {
            return at.minus(d);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return d.isNegative() ? Instant.MAX : Instant.MIN;
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
