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
    public static String render(String id, String title, List<AgePoint> series, Duration target, Period period) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(period, "period");
        List<Period> breaches = AgeSeries.breaches(series, target);
        Svg svg = new Svg(id, "chart chart-rpo-age", WIDTH, HEIGHT, title, describe(series, target, period, breaches));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double baseY = TOP + plotH;
        TimeAxis time = new TimeAxis(period, LEFT, plotW);
        long max = Math.max(target.getSeconds(), series.stream().mapToLong(AgePoint::ageSeconds).max().orElse(0));
        double yMax = Math.max(1, max * 1.1);

        for (Period b : breaches) {
            double x1 = time.x(b.from());
            double x2 = time.x(b.to());
            svg.element("rect", "RPO breached from " + Labels.utc(b.from()) + " to " + Labels.utc(b.to()) + " ("
                            + Labels.duration(b.length()) + ")", "class", "breach-area", "x", x1, "y", TOP,
                    "width", Math.max(1, x2 - x1), "height", plotH, "fill", Palette.BREACH_AREA);
        }
        drawAgeAxis(svg, yMax, baseY, plotH, plotW);
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
            for (Period b : breaches) {
                double x1 = time.x(b.from());
                double x2 = time.x(b.to());
                double y1 = y(ageAt(series, b.from()), yMax, baseY, plotH);
                double y2 = y(ageAt(series, b.to()), yMax, baseY, plotH);
                svg.element("line", null, "class", "breach", "x1", x1, "y1", y1, "x2", x2, "y2", y2,
                        "stroke", Palette.BREACH, "stroke-width", 3);
            }
        }
        legend(svg);
        return svg.finish();
    }

    private static void drawAgeAxis(Svg svg, double yMax, double baseY, double plotH, double plotW) {
        for (int i = 0; i <= 4; i++) {
            long value = Math.round(yMax * i / 4);
            double y = y(value, yMax, baseY, plotH);
            if (i > 0) {
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

    /** The line's age at {@code at}, interpolated between the vertices around it. */
    static double ageAt(List<AgePoint> series, Instant at) {
        for (int i = series.size() - 1; i > 0; i--) {
            AgePoint q = series.get(i - 1);
            AgePoint p = series.get(i);
            if (!at.isBefore(q.at()) && !at.isAfter(p.at())) {
                long span = Duration.between(q.at(), p.at()).toMillis();
                if (span == 0) {
                    return p.ageSeconds();
                }
                double f = (double) Duration.between(q.at(), at).toMillis() / span;
                return q.ageSeconds() + f * (p.ageSeconds() - q.ageSeconds());
            }
        }
        return series.isEmpty() ? 0 : series.get(0).ageSeconds();
    }

    private static String describe(List<AgePoint> series, Duration target, Period period, List<Period> breaches) {
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
        Duration total = breaches.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
        d.append("The target was breached ").append(breaches.size()).append(breaches.size() == 1 ? " time" : " times")
                .append(" for ").append(Labels.duration(total)).append(" in all: ");
        int listed = Math.min(breaches.size(), LISTED);
        for (int i = 0; i < listed; i++) {
            Period b = breaches.get(i);
            d.append(i == 0 ? "" : "; ").append(Labels.utc(b.from())).append(" to ").append(Labels.utc(b.to()));
        }
        if (breaches.size() > listed) {
            d.append("; and ").append(breaches.size() - listed).append(" more");
        }
        return d.append('.').toString();
    }
}
