package io.backupsentinel.aws;

/**
 * A token bucket that hands out reservations: {@link #reserve()} takes one token and says how long the
 * caller must wait before using it. Callers queue up fairly (each waits for the next free slot) and never
 * exceed {@code ratePerSecond} after the initial {@code burst}. Time comes from an injected ticker so tests
 * are deterministic.
 */
final class TokenBucket {
    /** A monotonic clock in nanoseconds ({@code System::nanoTime} in production). */
    interface Ticker {
        long nanos();
    }

    private final double tokensPerNano;
    private final double burst;
    private final Ticker ticker;
    private double tokens;
    private long last;

    TokenBucket(double ratePerSecond, double burst, Ticker ticker) {
        if (!(ratePerSecond > 0) || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1");
        }
        this.tokensPerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.ticker = ticker;
        this.tokens = burst;
        this.last = ticker.nanos();
    }

    /** Takes a token; returns the nanoseconds to wait before the call may go out (0 = now). */
    synchronized long reserve() {
        return reserve(Long.MAX_VALUE);
    }

    /**
     * Takes a token if its slot comes within {@code maxWaitNanos}; returns the nanoseconds to wait, or -1
     * (and takes nothing, so the callers behind are not pushed back) when the slot would come later.
     */
    synchronized long reserve(long maxWaitNanos) {
        long now = ticker.nanos();
        tokens = Math.min(burst, tokens + (now - last) * tokensPerNano);
        last = now;
        double after = tokens - 1;
        // A negative balance is a queue of callers; this one's slot comes when the balance is back to 0.
        double wait = after >= 0 ? 0 : Math.ceil(-after / tokensPerNano);
        if (wait > maxWaitNanos) {
            return -1;
        }
        tokens = after;
        return (long) wait;
    }

    double ratePerSecond() {
        return tokensPerNano * 1e9;
    }
}
