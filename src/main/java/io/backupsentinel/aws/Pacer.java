package io.backupsentinel.aws;

import java.time.Duration;
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
        try {
            acquire(operation, Duration.ofNanos(Long.MAX_VALUE));
        } catch (Refused cannotHappen) {
            throw new IllegalStateException(cannotHappen);
        }
    }

    /**
     * Blocks until a call of {@code operation} may go out and returns how long it waited; a call whose
     * slot would come after {@code budget} (its call timeout) is refused at once, since it could only end
     * in that timeout after holding the queue.
     *
     * @throws Refused when the wait would exceed the budget
     */
    Duration acquire(String operation, Duration budget) throws InterruptedException, Refused {
        // Burst 1: calls are spaced evenly, which stays under any server-side bucket of the same rate.
        TokenBucket bucket = buckets.computeIfAbsent(operation, op -> new TokenBucket(limits.perSecond(op), 1, ticker));
        long wait = bucket.reserve(saturatedNanos(budget));
        if (wait < 0) {
            throw new Refused(operation, bucket.ratePerSecond(), budget);
        }
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
        return Duration.ofNanos(wait);
    }

    private static long saturatedNanos(Duration d) {
        return d.compareTo(Duration.ofNanos(Long.MAX_VALUE)) >= 0 ? Long.MAX_VALUE : d.toNanos();
    }

    /** A call not sent because the client's rate limit would hold it past its call timeout. */
    static final class Refused extends Exception {
        Refused(String operation, double ratePerSecond, Duration budget) {
            super("not sent: the client rate limit for " + operation + " (" + rate(ratePerSecond)
                    + " calls/s, aws.rate_limits) would hold it past aws.call_timeout ("
                    + io.backupsentinel.model.Durations.format(budget) + ")", null, false, false);
        }

        private static String rate(double r) {
            return r >= 0.01 ? String.format(java.util.Locale.ROOT, "%.2f", r)
                    : String.format(java.util.Locale.ROOT, "%.3g", r);
        }
    }
}
