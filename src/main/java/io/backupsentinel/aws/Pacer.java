package io.backupsentinel.aws;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The client-side rate limits of one account-region: one {@link TokenBucket} per operation. A caller
 * {@link #acquire(String) acquires} before every AWS call, so a sweep runs at the limit instead of
 * being throttled by AWS and retrying.
 */
final class Pacer {
    /** Sleeps; injected so tests need not wait. */
    interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    static final Sleeper REAL_SLEEP = nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));

    private final AwsSettings.RateLimits limits;
    private final TokenBucket.Ticker ticker;
    private final Sleeper sleeper;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    Pacer(AwsSettings.RateLimits limits, TokenBucket.Ticker ticker, Sleeper sleeper) {
        this.limits = limits;
        this.ticker = ticker;
        this.sleeper = sleeper;
    }

    static Pacer real(AwsSettings.RateLimits limits) {
        return new Pacer(limits, System::nanoTime, REAL_SLEEP);
    }

    /** Blocks until a call of {@code operation} may go out. */
    void acquire(String operation) throws InterruptedException {
        // Burst 1: calls are spaced evenly, which stays under any server-side bucket of the same rate.
        long wait = buckets.computeIfAbsent(operation, op -> new TokenBucket(limits.perSecond(op), 1, ticker))
                .reserve();
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }
}
