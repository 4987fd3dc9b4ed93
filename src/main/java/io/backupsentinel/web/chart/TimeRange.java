package io.backupsentinel.web.chart;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The time range a chart or a derivation covers, {@code [from, to)}; never empty. */
public record TimeRange(Instant from, Instant to) {
    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("a period ends after it starts: from " + from + " to " + to);
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** {@code at} clamped into the period. */
    Instant clamp(Instant at) {
        return at.isBefore(from) ? from : at.isAfter(to) ? to : at;
    }
}
