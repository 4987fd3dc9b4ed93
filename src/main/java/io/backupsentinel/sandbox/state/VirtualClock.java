package io.backupsentinel.sandbox.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The sandbox's time. It follows the system clock from an offset, so that time passes as usual, and tests
 * can set or advance it; {@link #freeze()} stops it for exact assertions. It stays within years 1970–9999
 * ({@link #EARLIEST}..{@link #LATEST}): a move outside is refused and changes nothing, since every later
 * request would compute with the time (and overflow) otherwise.
 */
public final class VirtualClock extends Clock {
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    public static VirtualClock system() {
        return new VirtualClock();
    }

    @Override
    public Instant instant() {
        Instant f = frozenAt;
        return f != null ? f : Instant.now().plus(offset);
    }

    /** Sets the time; throws IllegalArgumentException, changing nothing, when it is outside 1970–9999. */
    public synchronized void set(Instant now) {
        if (now.isBefore(EARLIEST) || now.isAfter(LATEST)) {
            throw new IllegalArgumentException("the sandbox clock stays within " + EARLIEST + " and " + LATEST
                    + "; " + now + " is outside");
        }
        if (frozenAt != null) {
            frozenAt = now;
        } else {
            offset = Duration.between(Instant.now(), now);
        }
    }

    /** Moves the time by {@code d}; throws IllegalArgumentException, changing nothing, past 1970–9999. */
    public synchronized void advance(Duration d) {
        Instant now = instant();
        Instant target;
        try {
            target = now.plus(d);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            target = null;
        }
        if (target == null || target.isBefore(EARLIEST) || target.isAfter(LATEST)) {
            throw new IllegalArgumentException("advancing the sandbox clock by " + d + " from " + now
                    + " would leave " + EARLIEST + " .. " + LATEST);
        }
        set(target);
    }

    public synchronized void freeze() {
        frozenAt = instant();
    }

    public synchronized void unfreeze() {
        if (frozenAt != null) {
            offset = Duration.between(Instant.now(), frozenAt);
            frozenAt = null;
        }
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
