package io.backupsentinel.web.chart;

import io.backupsentinel.model.Status;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * How a period's time splits between statuses, summed over one or more bands, and the time with no finding at
 * all. Durations are clipped to the period, so the shares always add up to the whole.
 *
 * @param total the period's length times the number of bands
 */
public record StatusShares(Map<Status, Duration> durations, Duration untracked, Duration total) {
    public StatusShares {
        durations = Map.copyOf(durations);
    }

    /** The shares of {@code bands} over {@code period}. */
    public static StatusShares of(Collection<Band> bands, TimeRange period) {
        Map<Status, Duration> d = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            d.put(s, Duration.ZERO);
        }
        Duration tracked = Duration.ZERO;
        for (Band b : bands) {
            for (Interval i : b.intervals()) {
                Duration in = Duration.between(period.clamp(i.from()), period.clamp(i.to()));
                d.merge(i.status(), in, Duration::plus);
                tracked = tracked.plus(in);
            }
        }
        Duration total = period.length().multipliedBy(bands.size());
        Duration untracked = total.minus(tracked);
        return new StatusShares(d, untracked.isNegative() ? Duration.ZERO : untracked, total);
    }

    public Duration of(Status s) {
        return durations.getOrDefault(s, Duration.ZERO);
    }

    /** The share of {@code s} in percent of the total, 0 when there is no time at all. */
    public double percent(Status s) {
        return percent(of(s));
    }

    public double untrackedPercent() {
        return percent(untracked);
    }

    private double percent(Duration d) {
        return total.isZero() ? 0 : 100.0 * d.toMillis() / total.toMillis();
    }
}
