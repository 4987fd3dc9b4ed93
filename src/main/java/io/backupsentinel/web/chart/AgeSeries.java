package io.backupsentinel.web.chart;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Derives the RPO-age line from the instants of a table's recovery points: the age of the newest point grows
 * one second per second and drops to zero at each new point (a sawtooth). Only the newest point before the
 * period and the points inside it matter; before the first known point the age is unknown and the line starts
 * there.
 */
public final class AgeSeries {
    private AgeSeries() {
    }

    /**
     * The vertices of the sawtooth over {@code period}: at the period's start (if a point is older), at each new
     * point twice (the age just before it, then 0), and at the period's end.
     */
    public static List<AgePoint> sawtooth(List<Instant> recoveryPoints, TimeRange period) {
        TreeSet<Instant> points = new TreeSet<>(recoveryPoints);
        Instant prev = points.floor(period.from());
        List<AgePoint> out = new ArrayList<>();
        if (prev != null) {
            out.add(new AgePoint(period.from(), seconds(prev, period.from())));
        }
        for (Instant p : points.subSet(period.from(), false, period.to(), true)) {
            if (prev != null) {
                out.add(new AgePoint(p, seconds(prev, p)));
            }
            out.add(new AgePoint(p, 0));
            prev = p;
        }
        if (prev != null && !prev.equals(period.to())) {
            out.add(new AgePoint(period.to(), seconds(prev, period.to())));
        }
        return out;
    }

    /**
     * The series with continuous backup (PITR) from {@code since} on: from then the newest restorable point is
     * always {@code lagSeconds} old, so the line drops to that lag at {@code since} and stays flat to the end.
     * Vertices before {@code since} are kept; where the line had not started, the flat part alone remains.
     */
    public static List<AgePoint> withContinuous(List<AgePoint> series, Instant since, long lagSeconds, TimeRange range) {
        Instant start = range.clamp(since);
        List<AgePoint> out = new ArrayList<>();
        AgePoint before = null;
        for (AgePoint p : series) {
            if (p.at().isBefore(start)) {
                out.add(p);
                before = p;
            }
        }
        if (before != null && start.isAfter(range.from())) {
            // The sawtooth keeps growing from its last vertex up to the moment continuous backup begins.
            out.add(new AgePoint(start, before.ageSeconds() + seconds(before.at(), start)));
        }
        long lag = Math.max(0, lagSeconds);
        out.add(new AgePoint(start, lag));
        if (range.to().isAfter(start)) {
            out.add(new AgePoint(range.to(), lag));
        }
        return out;
    }

    /**
     * The spans where the line is above {@code target}, found by interpolating between vertices: the age grows
     * linearly, so a breach starts the second the age passes the target.
     */
    public static List<TimeRange> breaches(List<AgePoint> series, Duration target) {
        long t = target.getSeconds();
        List<TimeRange> out = new ArrayList<>();
        Instant start = null;
        for (int i = 0; i < series.size(); i++) {
            AgePoint p = series.get(i);
            if (i == 0) {
                if (p.ageSeconds() > t) {
                    start = p.at();
                }
                continue;
            }
            AgePoint q = series.get(i - 1);
            boolean was = q.ageSeconds() > t;
            boolean is = p.ageSeconds() > t;
            if (!was && is) {
                start = crossing(q, p, t);
            } else if (was && !is) {
                Instant end = p.at().equals(q.at()) ? p.at() : crossing(q, p, t);
                add(out, start, end);
                start = null;
            }
        }
        if (start != null) {
            add(out, start, series.get(series.size() - 1).at());
        }
        return out;
    }

    private static void add(List<TimeRange> out, Instant start, Instant end) {
        if (end.isAfter(start)) {
            out.add(new TimeRange(start, end));
        }
    }

    /** Where the segment q→p crosses {@code t}, to the millisecond. */
    private static Instant crossing(AgePoint q, AgePoint p, long t) {
        long span = Duration.between(q.at(), p.at()).toMillis();
        long rise = p.ageSeconds() - q.ageSeconds();
        if (span == 0 || rise == 0) {
            return p.at();
        }
        double fraction = (double) (t - q.ageSeconds()) / rise;
        return q.at().plusMillis(Math.round(fraction * span));
    }

    private static long seconds(Instant a, Instant b) {
        return Math.max(0, Duration.between(a, b).getSeconds());
    }
}
