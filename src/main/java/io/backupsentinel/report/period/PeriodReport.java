package io.backupsentinel.report.period;

import java.util.List;

/**
 * A period audit report: the model every format (JSON, CSV, PDF) writes, section by section, in this order.
 * {@code storage} is empty when the history holds no storage records in scope (the cover's notes say so).
 * Built from the history alone; each list is sorted (by rule, account, region,
 * table, then time) so that the bytes are a function of the history, the period, the scope and the rules.
 */
public record PeriodReport(ReportCover cover, List<RuleSummary> rules, List<FrameworkSummary> frameworks,
                           List<RuleTableTime> times, List<Violation> violations, List<ExemptionPeriod> exemptions,
                           List<RestoreEvidence> restoreTests, List<PostureEntry> changes,
                           List<StorageEntry> storage) {
    public PeriodReport {
        rules = List.copyOf(rules);
        frameworks = List.copyOf(frameworks);
        times = List.copyOf(times);
        violations = List.copyOf(violations);
        exemptions = List.copyOf(exemptions);
        restoreTests = List.copyOf(restoreTests);
        changes = List.copyOf(changes);
        storage = List.copyOf(storage);
    }
}
