package io.backupsentinel.sandbox.fault;

/**
 * A request-rate limit: a token bucket that refills at {@code ratePerSecond} and holds at most {@code burst}
 * tokens (one per request). A rate of 0 (with burst 0) throttles every request: a fault that does not depend on
 * timing or on which request comes first, so a scenario using it gives the same result on every run.
 */
public record Limit(Selector selector, double ratePerSecond, double burst) {
    public Limit {
        if (!(ratePerSecond >= 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("a rate must be 0 or a positive number of requests per second, got "
                    + ratePerSecond);
        }
        if (ratePerSecond == 0) {
            if (burst != 0) {
                throw new IllegalArgumentException("a rate of 0 throttles every request and takes no burst, got "
                        + burst);
            }
        } else if (!(burst >= 1)) {
            throw new IllegalArgumentException("a burst must be at least 1 request, got " + burst);
        }
    }

    /** This limit with its rate and burst multiplied by {@code factor} (a burst never drops below 1). */
    public Limit scaled(double factor) {
        if (ratePerSecond == 0) {
            return this;
        }
        return new Limit(selector, ratePerSecond * factor, Math.max(1, burst * factor));
    }
}
