package io.backupsentinel.sandbox.fault;

import java.time.Duration;

/** Added response time for the selected requests: {@code fixed} plus a uniform random share of {@code jitter}. */
public record Latency(Selector selector, Duration fixed, Duration jitter) {
    public Latency {
        if (fixed.isNegative() || jitter.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative");
        }
    }
}
