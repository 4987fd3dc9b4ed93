package io.backupsentinel.web.chart;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The age of a table's newest recovery point over a period against its RPO target, as a server-side SVG: the
 * sawtooth line (see {@link AgeSeries}), the target as a dashed horizontal line, and breaches highlighted (a
 * shaded span and the line drawn over in the breach colour). The description says in words what the picture
 * shows, for screen readers and for anyone who would rather read.
 */
public final class RpoAgeChart {
    static final int WIDTH = 720;
    static final int HEIGHT = 260;
    private static final double LEFT = 56;
    private static final double RIGHT = 16;
    private static final double TOP = 24;
    private static final double BOTTOM = 44;
    /** Breaches named one by one in the description; a quarter can have hundreds. */
    private static final int LISTED = 10;

    private RpoAgeChart() {
    }

    /**
     * @param id     the SVG's element id, unique on the page (a letter, then letters, digits, '-', '_')
     * @param title  what the chart is of, e.g. "RPO age of orders"
     * @param series the age line, in time order (from {@link AgeSeries#sawtooth}); may be empty
     * @param target the RPO target
     */
    public static String render(String id, String title, List<AgePoint> series, Duration target, TimeRange period) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(period, "period");
        List<TimeRange> breaches = AgeSeries.breaches(series, target);
        Svg svg = new Svg(id, "chart chart-rpo-age", WIDTH, HEIGHT, title, describe(series, target, period, breaches));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double baseY = TOP + plotH;
        TimeAxis time = new TimeAxis(period, LEFT, plotW);
        long max = Math.max(target.getSeconds(), series.stream().mapToLong(AgePoint::ageSeconds).max().orElse(0));
        long step = ageStep(max);
        double yMax = Math.max(step, (double) ((long) Math.ceil(max * 1.05 / step)) * step);

        for (TimeRange b : breaches) {
            double x1 = time.x(b.from());
            double x2 = time.x(b.to());
            svg.element("rect", "RPO breached from " + Labels.utc(b.from()) + " to " + Labels.utc(b.to()) + " ("
                            + Labels.duration(b.length()) + ")", "class", "breach-area", "x", x1, "y", TOP,
                    "width", Math.max(1, x2 - x1), "height", plotH, "fill", Palette.BREACH_AREA);
        }
        drawAgeAxis(svg, step, yMax, baseY, plotH, plotW);
        time.draw(svg, baseY, TOP);

        double targetY = y(target.getSeconds(), yMax, baseY, plotH);
        svg.element("line", "RPO target " + Labels.duration(target), "class", "target", "x1", LEFT, "y1", targetY,
                "x2", LEFT + plotW, "y2", targetY, "stroke", Palette.TARGET, "stroke-width", 1.5,
                "stroke-dasharray", "6 4");
        svg.text("target " + Labels.duration(target), "x", LEFT + plotW, "y", targetY - 4, "text-anchor", "end",
                "fill", Palette.TARGET);

        if (series.isEmpty()) {
            svg.text("No recovery point known in this period", "x", LEFT + plotW / 2, "y", TOP + plotH / 2,
                    "text-anchor", "middle", "fill", Palette.AXIS);
        } else {
            StringBuilder pts = new StringBuilder();
            for (AgePoint p : series) {
                pts.append(Svg.num(time.x(p.at()))).append(',')
                        .append(Svg.num(y(p.ageSeconds(), yMax, baseY, plotH))).append(' ');
            }
            svg.element("polyline", null, "class", "age", "points", pts.toString().trim(), "fill", "none",
                    "stroke", Palette.LINE, "stroke-width", 2, "stroke-linejoin", "round");
            // The breach overlay follows the line's rising segments, clipped to each breach; the drops are not breaches.
            for (int i = 1; i < series.size(); i++) {
                AgePoint q = series.get(i - 1);
                AgePoint p = series.get(i);
                if (!p.at().isAfter(q.at())) {
                    continue;
                }
                for (TimeRange b : breaches) {
                    Instant from = q.at().isAfter(b.from()) ? q.at() : b.from();
                    Instant to = p.at().isBefore(b.to()) ? p.at() : b.to();
                    if (to.isAfter(from)) {
                        svg.element("line", null, "class", "breach", "x1", time.x(from),
                                "y1", y(along(q, p, from), yMax, baseY, plotH), "x2", time.x(to),
                                "y2", y(along(q, p, to), yMax, baseY, plotH), "stroke", Palette.BREACH,
                                "stroke-width", 3, "stroke-linecap", "round");
                    }
                }
            }
        }
        legend(svg);
        return svg.finish();
    }

    /** A round age step (1m … 30d) that gives at most five gridlines up to {@code max}. */
    static long ageStep(long max) {
        long[] steps = {60, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800,
                1209600, 2592000};
        for (long s : steps) {
            if (max * 1.05 / s <= 5) {
                return s;
            }
        }
        long last = steps[steps.length - 1];
        return last * ((long) Math.ceil(max * 1.05 / last / 5));
    }

    private static void drawAgeAxis(Svg svg, long step, double yMax, double baseY, double plotH, double plotW) {
        for (long value = 0; value <= yMax; value += step) {
            double y = y(value, yMax, baseY, plotH);
            if (value > 0) {
                svg.element("line", null, "x1", LEFT, "y1", y, "x2", LEFT + plotW, "y2", y, "stroke", Palette.GRID,
                        "stroke-dasharray", "2 3");
            }
            svg.text(Labels.duration(Duration.ofSeconds(value)), "x", LEFT - 6, "y", y + 4, "text-anchor", "end",
                    "fill", Palette.AXIS);
        }
        svg.element("line", null, "x1", LEFT, "y1", TOP, "x2", LEFT, "y2", baseY, "stroke", Palette.AXIS);
    }

    private static void legend(Svg svg) {
        double y = 12;
        svg.element("line", null, "x1", LEFT, "y1", y - 4, "x2", LEFT + 18, "y2", y - 4, "stroke", Palette.LINE,
                "stroke-width", 2);
        svg.text("age of newest recovery point", "x", LEFT + 22, "y", y, "fill", Palette.AXIS);
        svg.element("rect", null, "x", LEFT + 210, "y", y - 9, "width", 18, "height", 10, "fill", Palette.BREACH_AREA,
                "stroke", Palette.BREACH);
        svg.text("RPO breached", "x", LEFT + 232, "y", y, "fill", Palette.AXIS);
    }

    private static double y(double seconds, double yMax, double baseY, double plotH) {
        return baseY - seconds / yMax * plotH;
    }

    /** The age at {@code at} on the segment q→p (q before p), interpolated. */
    private static double along(AgePoint q, AgePoint p, Instant at) {
        double f = (double) Duration.between(q.at(), at).toMillis() / Duration.between(q.at(), p.at()).toMillis();
        return q.ageSeconds() + f * (p.ageSeconds() - q.ageSeconds());
    }

    private static String describe(List<AgePoint> series, Duration target, TimeRange period, List<TimeRange> breaches) {
        StringBuilder d = new StringBuilder("Age of the newest recovery point from ").append(Labels.utc(period.from()))
                .append(" to ").append(Labels.utc(period.to())).append(" against an RPO target of ")
                .append(Labels.duration(target)).append(". ");
        if (series.isEmpty()) {
            return d.append("No recovery point is known in this period.").toString();
        }
        long worst = series.stream().mapToLong(AgePoint::ageSeconds).max().orElse(0);
        d.append("Oldest age reached: ").append(Labels.duration(Duration.ofSeconds(worst))).append(". ");
        if (breaches.isEmpty()) {
            return d.append("The target was never breached.").toString();
        }
        Duration total = breaches.stream().map(TimeRange::length).reduce(Duration.ZERO, Duration::plus);
        d.append("The target was breached ").append(breaches.size()).append(breaches.size() == 1 ? " time" : " times")
                .append(" for ").append(Labels.duration(total)).append(" in all: ");
        int listed = Math.min(breaches.size(), LISTED);
        for (int i = 0; i < listed; i++) {
            TimeRange b = breaches.get(i);
            d.append(i == 0 ? "" : "; ").append(Labels.utc(b.from())).append(" to ").append(Labels.utc(b.to()));
        }
        if (breaches.size() > listed) {
            d.append("; and ").append(breaches.size() - listed).append(" more");
        }
        return d.append('.').toString();
    }
}
