package io.backupsentinel.web.chart;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Maps a period onto an x range and picks round UTC tick instants for it (at most about six). */
final class TimeAxis {
    private static final List<Duration> STEPS = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(7),
            Duration.ofDays(14), Duration.ofDays(30), Duration.ofDays(91), Duration.ofDays(182), Duration.ofDays(365));
    private static final int MAX_TICKS = 6;

    private final TimeRange period;
    private final double x0;
    private final double width;

    TimeAxis(TimeRange period, double x0, double width) {
        this.period = period;
        this.x0 = x0;
        this.width = width;
    }

    double x(Instant at) {
        Instant t = period.clamp(at);
        double f = (double) Duration.between(period.from(), t).toMillis() / period.length().toMillis();
        return x0 + f * width;
    }

    Duration step() {
        long span = period.length().toMillis();
        for (Duration s : STEPS) {
            if (span / s.toMillis() <= MAX_TICKS) {
                return s;
            }
        }
        Duration last = STEPS.get(STEPS.size() - 1);
        return last.multipliedBy(span / last.toMillis() / MAX_TICKS + 1);
    }

    /** Tick instants: multiples of the step since the epoch, inside the period. */
    List<Instant> ticks() {
        long step = step().toMillis();
        long first = Math.floorDiv(period.from().toEpochMilli() + step - 1, step) * step;
        List<Instant> out = new ArrayList<>();
        for (long t = first; t <= period.to().toEpochMilli(); t += step) {
            out.add(Instant.ofEpochMilli(t));
        }
        return out;
    }

    /** Draws the baseline at {@code y}, the ticks, their UTC labels, and grid lines up to {@code top}. */
    void draw(Svg svg, double y, double top) {
        svg.element("line", null, "x1", x0, "y1", y, "x2", x0 + width, "y2", y, "stroke", Palette.AXIS);
        Duration step = step();
        for (Instant t : ticks()) {
            double x = x(t);
            svg.element("line", null, "x1", x, "y1", top, "x2", x, "y2", y, "stroke", Palette.GRID,
                    "stroke-dasharray", "2 3");
            svg.element("line", null, "x1", x, "y1", y, "x2", x, "y2", y + 4, "stroke", Palette.AXIS);
            svg.text(Labels.tick(t, step), "x", x, "y", y + 15, "text-anchor", "middle", "fill", Palette.AXIS);
        }
        svg.text("UTC", "x", x0 + width, "y", y + 28, "text-anchor", "end", "fill", Palette.AXIS);
    }
}
