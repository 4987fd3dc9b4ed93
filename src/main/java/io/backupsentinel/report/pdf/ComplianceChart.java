package io.backupsentinel.report.pdf;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import io.backupsentinel.report.period.Shares;

import java.awt.Color;
import java.util.List;

/**
 * The compliance chart: one horizontal bar per rule, split into the share of the period spent in each status
 * (and not observed at all),
 * with a legend, a percentage axis and each share written on its segment where it fits. Drawn as vector
 * graphics into a template, so it is sharp at any zoom and needs no image file.
 */
final class ComplianceChart {
    /**
     * What a stretch of a bar stands for: a status, or time with no finding at all (before a table was first
     * judged, after it left the rule's scope), which is never counted compliant.
     */
    enum Segment {
        COMPLIANT("compliant", Fonts.COMPLIANT), NON_COMPLIANT("non-compliant", Fonts.NON_COMPLIANT),
        UNKNOWN("unknown", Fonts.UNKNOWN), EXEMPT("exempt", Fonts.EXEMPT), UNOBSERVED("not observed", Fonts.UNOBSERVED);

        final String label;
        final Color color;

        Segment(String label, Color color) {
            this.label = label;
            this.color = color;
        }
    }

    /** One bar: a label and the seconds spent in each segment, indexed by {@link Segment#ordinal()}. */
    record Bar(String label, long[] seconds) {
        Bar {
            if (seconds.length != Segment.values().length) {
                throw new IllegalArgumentException("a bar needs " + Segment.values().length + " durations");
            }
            seconds = seconds.clone();
        }

        long total() {
            return java.util.Arrays.stream(seconds).sum();
        }

        double share(Segment segment) {
            long total = total();
            return total == 0 ? 0 : seconds[segment.ordinal()] / (double) total;
        }

        /**
         * The segment's share as the report prints every share ({@link Shares#percent}). A bar's total is its
         * rule's pairs × the period (each row adds up to the period), so the compliant share is the Rules table's.
         */
        String percent(Segment segment) {
            return Shares.percent(seconds[segment.ordinal()], total()) + "%";
        }
    }

    /** The most bars one chart holds; more rules make more charts, each small enough for a page. */
    static final int BARS_PER_CHART = 24;
    private static final float ROW = 20;
    private static final float BAR = 12;
    private static final float LEGEND = 24;
    private static final float AXIS = 18;
    private static final float GAP = 8;
    private static final float TEXT = 8;
    private static final float MIN_WIDTH = 2;

    private ComplianceChart() {
    }

    /** Draws up to {@link #BARS_PER_CHART} bars into a vector image {@code width} points wide. */
    static Image draw(PdfContentByte canvas, float width, List<Bar> bars) {
        if (bars.isEmpty() || bars.size() > BARS_PER_CHART) {
            throw new IllegalArgumentException("a chart holds 1 to " + BARS_PER_CHART + " bars, got " + bars.size());
        }
        float height = LEGEND + bars.size() * ROW + AXIS;
        PdfTemplate t = canvas.createTemplate(width, height);
        float labelWidth = Math.min(220, width * 0.3f);
        float barLeft = labelWidth + GAP;
        float barWidth = width - barLeft - 70;
        legend(t, barLeft, height - LEGEND / 2 - 3);
        axis(t, barLeft, barWidth, AXIS, height - LEGEND);
        for (int i = 0; i < bars.size(); i++) {
            float y = height - LEGEND - (i + 1) * ROW + (ROW - BAR) / 2;
            bar(t, bars.get(i), labelWidth, barLeft, barWidth, y);
        }
        try {
            Image image = Image.getInstance(t);
            image.setAlt("Share of the period in each status, per rule");
            return image;
        } catch (BadElementException e) {
            throw new PdfReportException("could not place the compliance chart", e);
        }
    }

    private static void legend(PdfTemplate t, float x, float y) {
        for (Segment segment : Segment.values()) {
            t.setColorFill(segment.color);
            t.rectangle(x, y, 9, 9);
            t.fill();
            String name = segment.label;
            text(t, Fonts.base(), name, x + 12, y + 1, PdfContentByte.ALIGN_LEFT, Fonts.INK);
            x += 12 + Fonts.base().getWidthPoint(name, TEXT) + 18;
        }
    }

    private static void axis(PdfTemplate t, float left, float width, float bottom, float top) {
        t.setLineWidth(0.5f);
        for (int pct = 0; pct <= 100; pct += 25) {
            float x = left + width * pct / 100f;
            t.setColorStroke(Fonts.RULE_LINE);
            t.moveTo(x, bottom);
            t.lineTo(x, top);
            t.stroke();
            text(t, Fonts.base(), pct + "%", x, bottom - 11, PdfContentByte.ALIGN_CENTER, Fonts.MUTED);
        }
    }

    private static void bar(PdfTemplate t, Bar bar, float labelWidth, float left, float width, float y) {
        text(t, Fonts.base(), fit(PdfText.safe(bar.label()), labelWidth), labelWidth, y + 3,
                PdfContentByte.ALIGN_RIGHT, Fonts.INK);
        if (bar.total() == 0) {
            t.setColorStroke(Fonts.RULE_LINE);
            t.rectangle(left, y, width, BAR);
            t.stroke();
            text(t, Fonts.base(), "no data in the period", left + 4, y + 3, PdfContentByte.ALIGN_LEFT, Fonts.MUTED);
            return;
        }
        float[] widths = widths(bar, width);
        float x = left;
        for (Segment segment : Segment.values()) {
            float w = widths[segment.ordinal()];
            if (w <= 0) {
                continue;
            }
            t.setColorFill(segment.color);
            t.rectangle(x, y, w, BAR);
            t.fill();
            String pct = bar.percent(segment);
            if (Fonts.bold().getWidthPoint(pct, TEXT) + 4 <= w) {
                text(t, Fonts.bold(), pct, x + w / 2, y + 3, PdfContentByte.ALIGN_CENTER,
                        segment == Segment.UNOBSERVED ? Fonts.INK : Color.WHITE);
            }
            x += w;
        }
        text(t, Fonts.bold(), bar.percent(Segment.COMPLIANT), left + width + 6, y + 3,
                PdfContentByte.ALIGN_LEFT, Fonts.COMPLIANT);
    }

    /**
     * Each segment's width in proportion to its time, except that any time at all gets at least {@value #MIN_WIDTH}
     * points (taken from the widest segment), so one short violation in a quarter stays visible.
     */
    static float[] widths(Bar bar, float width) {
        Segment[] segments = Segment.values();
        float[] w = new float[segments.length];
        int widest = 0;
        float added = 0;
        for (Segment s : segments) {
            w[s.ordinal()] = (float) (width * bar.share(s));
            if (bar.seconds()[s.ordinal()] > 0 && w[s.ordinal()] < MIN_WIDTH) {
                added += MIN_WIDTH - w[s.ordinal()];
                w[s.ordinal()] = MIN_WIDTH;
            }
            widest = w[s.ordinal()] > w[widest] ? s.ordinal() : widest;
        }
        w[widest] -= added;
        return w;
    }

    /** The label cut with an ellipsis to fit {@code width}; a full name is in the tables below. */
    static String fit(String label, float width) {
        BaseFont font = Fonts.base();
        if (font.getWidthPoint(label, TEXT) <= width) {
            return label;
        }
        String cut = label;
        while (!cut.isEmpty() && font.getWidthPoint(cut + "\u2026", TEXT) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "\u2026";
    }

    private static void text(PdfTemplate t, BaseFont font, String s, float x, float y, int align,
            Color color) {
        t.beginText();
        t.setFontAndSize(font, TEXT);
        t.setColorFill(color);
        t.showTextAligned(align, s, x, y, 0);
        t.endText();
    }
}
