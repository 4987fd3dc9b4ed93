package io.backupsentinel.sandbox.fault;

/**
 * One token bucket: starts full with {@code burst} tokens, refills continuously at {@code ratePerSecond}, and
 * each admitted request takes one token. Time comes from the caller (nanoseconds from any fixed origin) so
 * tests drive it without sleeping. Each bucket locks only itself: requests to other buckets never wait.
 */
final class TokenBucket {
    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long lastNanos;

    TokenBucket(Limit limit, long nowNanos) {
        this.ratePerNano = limit.ratePerSecond() / 1_000_000_000d;
        this.burst = limit.burst();
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    synchronized boolean tryAcquire(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * ratePerNano);
            lastNanos = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
