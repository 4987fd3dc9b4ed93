package io.backupsentinel.web.chart;

import io.backupsentinel.model.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A span of time, {@code [from, to)}, during which a finding had one status. */
public record Interval(Instant from, Instant to, Status status) {
    public Interval {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(status, "status");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("an interval ends after it starts: " + from + " to " + to);
        }
    }

    public Duration duration() {
        return Duration.between(from, to);
    }
}
