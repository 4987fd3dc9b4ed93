package io.backupsentinel.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfWriter;
import io.backupsentinel.report.period.RuleSummary;
import io.backupsentinel.report.period.RuleTableTime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compliance chart of the report: per rule, the time of all its (rule, table) pairs summed by status, so a
 * bar shows the share of the fleet's period spent compliant, non-compliant, unknown, exempt and not observed.
 */
final class ChartSection {
    private ChartSection() {
    }

    static void write(Document document, PdfWriter writer, SealedParts parts, List<RuleSummary> rules, List<RuleTableTime> times) {
        Section.start(document, parts, "chart", "Compliance over the period",
                "Each bar is one rule: the time of every table it judged, each for the whole period, split by status. "
                        + "The figure on the right is the compliant share, as in the Rules table (two decimals, "
                        + "rounded down, so 100.00% means every second).");
        if (rules.isEmpty()) {
            Section.none(document, "No rule is in the report's scope.");
            return;
        }
        List<ComplianceChart.Bar> bars = bars(rules, times);
        float width = document.right() - document.left();
        try {
            for (int i = 0; i < bars.size(); i += ComplianceChart.BARS_PER_CHART) {
                List<ComplianceChart.Bar> part = bars.subList(i, Math.min(bars.size(), i + ComplianceChart.BARS_PER_CHART));
                Image chart = ComplianceChart.draw(writer.getDirectContent(), width, part);
                chart.setSpacingAfter(12);
                document.add(chart);
            }
        } catch (DocumentException e) {
            throw new PdfReportException("could not place the compliance chart", e);
        }
    }

    /** One bar per rule in the report's rule order; one pass over the times, five sums per rule. */
    static List<ComplianceChart.Bar> bars(List<RuleSummary> rules, List<RuleTableTime> times) {
        Map<String, long[]> sums = new LinkedHashMap<>();
        for (RuleSummary rule : rules) {
            sums.put(rule.rule(), new long[ComplianceChart.Segment.values().length]);
        }
        for (RuleTableTime t : times) {
            long[] s = sums.get(t.rule());
            if (s != null) {
                s[ComplianceChart.Segment.COMPLIANT.ordinal()] += t.compliantSeconds();
                s[ComplianceChart.Segment.NON_COMPLIANT.ordinal()] += t.nonCompliantSeconds();
                s[ComplianceChart.Segment.UNKNOWN.ordinal()] += t.unknownSeconds();
                s[ComplianceChart.Segment.EXEMPT.ordinal()] += t.exemptSeconds();
                s[ComplianceChart.Segment.UNOBSERVED.ordinal()] += t.unobservedSeconds();
            }
        }
        List<ComplianceChart.Bar> bars = new ArrayList<>(sums.size());
        sums.forEach((rule, s) -> bars.add(new ComplianceChart.Bar(rule, s)));
        return bars;
    }
}
