package io.backupsentinel.report.pdf;

import com.lowagie.text.Document;
import io.backupsentinel.report.period.ReportSections;
import io.backupsentinel.report.period.Citation;
import io.backupsentinel.report.period.ExemptionPeriod;
import io.backupsentinel.report.period.PostureEntry;
import io.backupsentinel.report.period.RestoreEvidence;
import io.backupsentinel.report.period.StorageEntry;
import io.backupsentinel.report.period.Violation;

import java.util.List;

/**
 * The evidence tables: violations, exemptions, restore tests, posture changes and storage, each row citing the
 * history record (its sequence number) that proves it, checkable with {@code verify --history}.
 */
final class EvidenceTables {
    private static final String HISTORY = " The record column is the history record's sequence number.";

    private EvidenceTables() {
    }

    static void violations(Document document, SealedParts parts, List<Violation> violations) {
        Section.start(document, parts, ReportSections.VIOLATIONS.label(),
                "Violations",
                "Every NON_COMPLIANT interval that overlaps the period, to the "
                + "second; an ongoing one is measured to the period's end." + HISTORY);
        if (violations.isEmpty()) {
            Section.none(document, "No violation in the period.");
            return;
        }
        StreamingTable t = new StreamingTable(document,
                new float[] {2.2f, 1.4f, 1.4f, 2.2f, 0.9f, 1.6f, 1.6f, 1.4f, 1.4f, 2.9f, 0.9f},
                new String[] {"Rule", "Account", "Region", "Table", "Severity", "Start (UTC)", "End (UTC)", "Duration",
                    "In period", "Observed", "Record"},
                new boolean[] {false, false, false, false, false, true, true, true, true, false, true});
        for (Violation v : violations) {
            t.row(Fonts.NON_COMPLIANT, v.rule(), v.account(), v.region(), v.table(),
                    v.severity() == null ? "" : v.severity().label(),
                    Texts.time(v.start()) + (v.startedBeforePeriod() ? " (before)" : ""),
                    v.ongoing() ? "ongoing" : Texts.time(v.end()), Texts.duration(v.durationSeconds()),
                    Texts.duration(v.secondsInPeriod()), v.observed(), seq(v.opened()));
        }
        t.finish();
    }

    static void exemptions(Document document, SealedParts parts, List<ExemptionPeriod> exemptions) {
        Section.start(document, parts, ReportSections.EXEMPTIONS.label(),
                "Exemptions",
                "Exemptions in force or expired during the period, with the reason "
                + "and approver the rules gave, and the status the table would have had without them." + HISTORY);
        if (exemptions.isEmpty()) {
            Section.none(document, "No exemption was in force during the period.");
            return;
        }
        StreamingTable t = new StreamingTable(document,
                new float[] {2, 1.5f, 1.5f, 2.2f, 1, 1.5f, 2.1f, 1.1f, 1.6f, 1.6f, 1.3f, 1.6f},
                new String[] {"Rule", "Account", "Region", "Table", "State", "Approver", "Reason", "Expires",
                    "Start (UTC)", "End (UTC)", "In period", "Without it"},
                new boolean[] {false, false, false, false, false, false, false, true, true, true, true, false});
        for (ExemptionPeriod e : exemptions) {
            t.row(Fonts.EXEMPT, e.rule(), e.account(), e.region(), e.table(), e.state().name(), e.approver(),
                    e.reason(), Texts.orEmpty(e.expires()), Texts.time(e.start()),
                    e.end() == null ? "in force" : Texts.time(e.end()), Texts.duration(e.secondsInPeriod()),
                    e.statusWithout());
        }
        t.finish();
    }

    static void restoreTests(Document document, SealedParts parts, List<RestoreEvidence> tests) {
        Section.start(document, parts, ReportSections.RESTORE_TESTS.label(),
                "Restore-test evidence",
                "Restore-test verdicts: as they stood when the period "
                + "began, then each change during it. Observed: the newest validated restore and how long it took; "
                + "expected: the RTO." + HISTORY);
        if (tests.isEmpty()) {
            Section.none(document, "No restore-test rule judged a table in scope.");
            return;
        }
        StreamingTable t = new StreamingTable(document,
                new float[] {2, 1.4f, 1.3f, 2.2f, 1.7f, 1.3f, 3, 2.2f, 0.9f},
                new String[] {"Rule", "Account", "Region", "Table", "At (UTC)", "Status", "Observed", "Expected",
                    "Record"},
                new boolean[] {false, false, false, false, true, false, false, false, true});
        for (RestoreEvidence r : tests) {
            t.row(Fonts.of(r.status()), r.rule(), r.account(), r.region(), r.table(),
                    r.atPeriodStart() ? Texts.time(r.at()) + " (at start)" : Texts.time(r.at()), r.status().name(),
                    r.observed(), r.expected(), seq(r.record()));
        }
        t.finish();
    }

    static void changes(Document document, SealedParts parts, List<PostureEntry> changes) {
        Section.start(document, parts, ReportSections.CHANGES.label(),
                "Posture changes",
                "Changes to the tables' backup posture during the period, "
                + "in time order." + HISTORY);
        if (changes.isEmpty()) {
            Section.none(document, "No posture change in the period.");
            return;
        }
        StreamingTable t = new StreamingTable(document, new float[] {1.7f, 1.4f, 1.2f, 2.3f, 2, 2.6f, 2.6f, 0.9f},
                new String[] {"At (UTC)", "Account", "Region", "Table", "Aspect", "Before", "After", "Record"},
                new boolean[] {true, false, false, false, false, false, false, true});
        for (PostureEntry c : changes) {
            t.row(Texts.time(c.at()), c.account(), c.region(), c.table(), c.aspect(), Texts.orEmpty(c.before()),
                    Texts.orEmpty(c.after()), seq(c.record()));
        }
        t.finish();
    }

    static void storage(Document document, SealedParts parts, List<StorageEntry> storage) {
        Section.start(document, parts, ReportSections.STORAGE.label(),
                "Backup storage",
                "Bytes held by each recovery source, as last recorded before the "
                + "period's end." + HISTORY);
        StreamingTable t = new StreamingTable(document,
                new float[] {1.4f, 1.1f, 2.6f, 1.7f, 1.5f, 1.5f, 1.5f, 1.5f, 0.9f},
                new String[] {"Account", "Region", "Table", "At (UTC)", "PITR bytes", "On-demand bytes",
                    "AWS Backup bytes", "Export bytes", "Record"},
                new boolean[] {false, false, false, true, true, true, true, true, true});
        for (StorageEntry s : storage) {
            t.row(s.account(), s.region(), s.table(), Texts.time(s.at()), bytes(s.pitrBytes()),
                    bytes(s.onDemandBytes()), bytes(s.awsBackupBytes()), bytes(s.exportBytes()), seq(s.record()));
        }
        t.finish();
    }

    /** Bytes with thousands separators; "unknown" for a source whose size the history does not hold. */
    private static String bytes(Long n) {
        return n == null ? "unknown" : String.format(java.util.Locale.ROOT, "%,d", n);
    }

    private static String seq(Citation c) {
        return c == null ? "" : String.valueOf(c.seq());
    }
}
