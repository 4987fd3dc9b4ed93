package io.backupsentinel.sandbox.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The sandbox's time. It follows the system clock from an offset, so that time passes as usual, and tests
 * can set or advance it; {@link #freeze()} stops it for exact assertions.
 */
public final class VirtualClock extends Clock {
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

    public synchronized void set(Instant now) {
        if (frozenAt != null) {
            frozenAt = now;
        } else {
            offset = Duration.between(Instant.now(), now);
        }
    }

    public synchronized void advance(Duration d) {
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(d);
        } else {
            offset = offset.plus(d);
        }
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
