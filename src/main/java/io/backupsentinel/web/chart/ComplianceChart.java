package io.backupsentinel.web.chart;

import io.backupsentinel.model.Status;

import java.util.List;
import java.util.Objects;

/**
 * A compliance timeline over a period as a server-side SVG: one horizontal band per rule, coloured by status
 * (COMPLIANT, NON_COMPLIANT, UNKNOWN, EXEMPT; pale where there was no finding), each interval with a tooltip, a
 * legend, and a stacked bar of the share of time in each status over all bands. UNKNOWN is shown as its own
 * colour and share, never folded into compliant.
 */
public final class ComplianceChart {
    static final int WIDTH = 720;
    private static final double LABEL_W = 150;
    private static final double LEFT = LABEL_W + 10;
    private static final double RIGHT = 16;
    private static final double TOP = 10;
    private static final double ROW = 22;
    private static final double BAR = 16;
    private static final int LABEL_CHARS = 24;
    private static final double LEGEND_COLUMN = 180;
    private static final double LEGEND_ROW = 16;

    private ComplianceChart() {
    }

    /**
     * @param id    the SVG's element id, unique on the page (a letter, then letters, digits, '-', '_')
     * @param title what the chart is of, e.g. "Compliance of orders, last 30 days"
     * @param bands one per rule (see {@link Intervals#bands}); may be empty
     */
    public static String render(String id, String title, List<Band> bands, TimeRange period) {
        Objects.requireNonNull(bands, "bands");
        Objects.requireNonNull(period, "period");
        StatusShares shares = StatusShares.of(bands, period);
        double plotW = WIDTH - LEFT - RIGHT;
        double rowsH = Math.max(1, bands.size()) * ROW;
        double axisY = TOP + rowsH + 2;
        double summaryY = axisY + 40;
        double legendY = summaryY + BAR + 20;
        int height = (int) Math.ceil(legendY + LEGEND_ROW + 12);
        Svg svg = new Svg(id, "chart chart-compliance", WIDTH, height, title, describe(bands, period, shares));
        TimeAxis time = new TimeAxis(period, LEFT, plotW);

        if (bands.isEmpty()) {
            svg.text("No findings in this period", "x", LEFT + plotW / 2, "y", TOP + ROW / 2 + 4,
                    "text-anchor", "middle", "fill", Palette.AXIS);
        }
        for (int r = 0; r < bands.size(); r++) {
            Band band = bands.get(r);
            double y = TOP + r * ROW + (ROW - BAR) / 2;
            // The whole name is the group's tooltip; the visible label is cut to fit beside the band.
            String label = band.label();
            String shown = label.codePointCount(0, label.length()) <= LABEL_CHARS ? label
                    : label.substring(0, label.offsetByCodePoints(0, LABEL_CHARS - 1)) + "…";
            svg.open("g", "class", "band").title(label);
            svg.text(shown, "x", LABEL_W, "y", y + BAR - 4, "text-anchor", "end", "fill", "#24292f");
            svg.element("rect", "no finding", "class", "no-finding", "x", LEFT, "y", y, "width", plotW,
                    "height", BAR, "fill", Palette.NO_FINDING);
            for (Interval i : band.intervals()) {
                double x1 = time.x(i.from());
                double x2 = time.x(i.to());
                if (x2 <= x1) {
                    continue;
                }
                svg.element("rect", band.label() + ": " + i.status() + " from " + Labels.utc(i.from()) + " to "
                                + Labels.utc(i.to()) + " (" + Labels.duration(i.duration()) + ")",
                        "class", Palette.cssClass(i.status()), "x", x1, "y", y,
                        "width", Math.max(0.5, x2 - x1), "height", BAR, "fill", Palette.fill(i.status()));
            }
            svg.close("g");
        }
        time.draw(svg, axisY, TOP);
        summary(svg, shares, summaryY, plotW);
        legend(svg, shares, legendY);
        return svg.finish();
    }

    private static void summary(Svg svg, StatusShares shares, double y, double plotW) {
        svg.text("Share of time", "x", LABEL_W, "y", y + BAR - 4, "text-anchor", "end", "fill", "#24292f");
        svg.element("rect", "no finding " + pct(shares.untrackedPercent()), "class", "no-finding", "x", LEFT, "y", y,
                "width", plotW, "height", BAR, "fill", Palette.NO_FINDING, "stroke", Palette.GRID);
        double x = LEFT;
        for (Status s : Status.values()) {
            double w = plotW * shares.percent(s) / 100;
            if (w <= 0) {
                continue;
            }
            svg.element("rect", s + " " + pct(shares.percent(s)) + " (" + Labels.duration(shares.of(s)) + ")",
                    "class", Palette.cssClass(s), "x", x, "y", y, "width", w, "height", BAR, "fill", Palette.fill(s));
            x += w;
        }
    }

    /** Three entries a row, in fixed columns, so the longest label (NON_COMPLIANT 100.0%) fits on a phone too. */
    private static void legend(Svg svg, StatusShares shares, double y) {
        int i = 0;
        for (Status s : Status.values()) {
            entry(svg, i++, y, Palette.fill(s), s + " " + pct(shares.percent(s)));
        }
        entry(svg, i, y, Palette.NO_FINDING, "no finding " + pct(shares.untrackedPercent()));
    }

    private static void entry(Svg svg, int index, double y0, String fill, String text) {
        double x = LEFT + (index % 3) * LEGEND_COLUMN;
        double y = y0 + (index / 3) * LEGEND_ROW;
        svg.element("rect", null, "x", x, "y", y - 9, "width", 10, "height", 10, "fill", fill, "stroke", Palette.GRID);
        svg.text(text, "x", x + 14, "y", y, "fill", "#24292f");
    }

    static String pct(double p) {
        return String.format(java.util.Locale.ROOT, "%.1f%%", p);
    }

    private static String describe(List<Band> bands, TimeRange period, StatusShares shares) {
        StringBuilder d = new StringBuilder("Compliance from ").append(Labels.utc(period.from())).append(" to ")
                .append(Labels.utc(period.to())).append(", ").append(bands.size())
                .append(bands.size() == 1 ? " rule" : " rules").append(". ");
        if (bands.isEmpty()) {
            return d.append("No findings in this period.").toString();
        }
        d.append("Share of time: ");
        for (Status s : Status.values()) {
            d.append(s).append(' ').append(pct(shares.percent(s))).append(", ");
        }
        return d.append("no finding ").append(pct(shares.untrackedPercent())).append('.').toString();
    }
}
