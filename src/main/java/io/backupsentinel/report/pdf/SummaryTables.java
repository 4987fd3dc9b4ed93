package io.backupsentinel.report.pdf;

import com.lowagie.text.Document;
import io.backupsentinel.model.Status;
import io.backupsentinel.report.period.FrameworkSummary;
import io.backupsentinel.report.period.ReportSections;
import io.backupsentinel.report.period.RuleSummary;
import io.backupsentinel.report.period.RuleTableTime;

import java.util.List;

/** The compliance tables: per rule, per framework control, and per rule and table. */
final class SummaryTables {
    private SummaryTables() {
    }

    static void rules(Document document, SealedParts parts, List<RuleSummary> rules) {
        Section.start(document, parts, ReportSections.RULES.label(),
                "Rules",
                "Compliant share: compliant time over the whole period of every (rule, "
                + "table) pair, so time unknown or not observed never counts as compliant.");
        if (rules.isEmpty()) {
            Section.none(document, "No rule is in the report's scope.");
            return;
        }
        StreamingTable t = new StreamingTable(document, new float[] {3, 2, 1.2f, 3, 1, 1.3f, 1.8f, 1.8f, 1.2f},
                new String[] {"Rule", "Check", "Severity", "Frameworks", "Tables", "Compliant", "Non-compliant time",
                    "Unknown time", "Violations"},
                new boolean[] {false, false, false, false, true, true, true, true, true});
        for (RuleSummary r : rules) {
            t.row(r.rule(), r.check(), r.severity() == null ? "" : r.severity().label(),
                    String.join(", ", r.frameworks()), String.valueOf(r.tables()), Texts.percent(r.compliantPercent()),
                    Texts.duration(r.nonCompliantSeconds()), Texts.duration(r.unknownSeconds()),
                    String.valueOf(r.violations()));
        }
        t.finish();
    }

    static void frameworks(Document document, SealedParts parts, List<FrameworkSummary> frameworks) {
        Section.start(document, parts, ReportSections.FRAMEWORKS.label(),
                "Framework controls",
                "Each control (the rules' frameworks: entries) over the "
                + "rules that cite it and the tables they judged.");
        if (frameworks.isEmpty()) {
            Section.none(document, "No rule in scope cites a framework control.");
            return;
        }
        StreamingTable t = new StreamingTable(document, new float[] {2.5f, 4, 1, 1.3f, 1.8f, 1.8f, 1.2f},
                new String[] {"Control", "Rules", "Tables", "Compliant", "Non-compliant time", "Unknown time",
                    "Violations"},
                new boolean[] {false, false, true, true, true, true, true});
        for (FrameworkSummary f : frameworks) {
            t.row(f.framework(), String.join(", ", f.rules()), String.valueOf(f.tables()),
                    Texts.percent(f.compliantPercent()), Texts.duration(f.nonCompliantSeconds()),
                    Texts.duration(f.unknownSeconds()), String.valueOf(f.violations()));
        }
        t.finish();
    }

    static void times(Document document, SealedParts parts, List<RuleTableTime> times) {
        Section.start(document, parts, ReportSections.TIMES.label(),
                "Time by rule and table",
                "Seconds of the period in each status; \"not observed\" "
                + "is time with no finding (before the table was first judged or after it left the rule's scope).");
        if (times.isEmpty()) {
            Section.none(document, "No table was judged by a rule in scope during the period.");
            return;
        }
        StreamingTable t = new StreamingTable(document,
                new float[] {2.6f, 1.5f, 1.4f, 2.5f, 1.1f, 1.6f, 1.3f, 1.3f, 1.6f, 1.1f, 2},
                new String[] {"Rule", "Account", "Region", "Table", "Compliant", "Non-compliant", "Unknown", "Exempt",
                    "Not observed", "Violations", "Status at end"},
                new boolean[] {false, false, false, false, true, true, true, true, true, true, false});
        for (RuleTableTime r : times) {
            t.row(r.statusAtEnd() == null ? null : Fonts.of(r.statusAtEnd()), r.rule(), r.account(), r.region(),
                    r.table(), Texts.percent(r.compliantPercent()), Texts.duration(r.nonCompliantSeconds()),
                    Texts.duration(r.unknownSeconds()), Texts.duration(r.exemptSeconds()),
                    Texts.duration(r.unobservedSeconds()), String.valueOf(r.violations()), status(r.statusAtEnd()));
        }
        t.finish();
    }

    private static String status(Status status) {
        return status == null ? "closed" : status.name();
    }
}
