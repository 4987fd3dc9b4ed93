package io.backupsentinel.web.chart;

import java.time.Instant;
import java.util.Objects;

/** The age of the newest recovery point at one instant, in seconds: one vertex of the RPO-age line. */
public record AgePoint(Instant at, long ageSeconds) {
    public AgePoint {
        Objects.requireNonNull(at, "at");
        if (ageSeconds < 0) {
            throw new IllegalArgumentException("an age is never negative: " + ageSeconds);
        }
    }
}
