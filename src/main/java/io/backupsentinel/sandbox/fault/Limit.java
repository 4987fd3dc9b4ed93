package io.backupsentinel.sandbox.fault;

/**
 * A request-rate limit: a token bucket that refills at {@code ratePerSecond} and holds at most {@code burst}
 * tokens (one per request).
 */
public record Limit(Selector selector, double ratePerSecond, double burst) {
    public Limit {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("a rate must be a positive number of requests per second, got "
                    + ratePerSecond);
        }
        if (!(burst >= 1)) {
            throw new IllegalArgumentException("a burst must be at least 1 request, got " + burst);
        }
    }

    /** This limit with its rate and burst multiplied by {@code factor} (a burst never drops below 1). */
    public Limit scaled(double factor) {
        return new Limit(selector, ratePerSecond * factor, Math.max(1, burst * factor));
    }
}
