package io.backupsentinel.report.period;

import java.util.List;
import java.util.function.Function;

/**
 * The sections of a period report in the order every format writes them, with the name each format uses
 * (the JSON member, the CSV {@code section} column, the seal's part name) and the record type of its rows.
 */
public enum ReportSections {
    RULES("rules", RuleSummary.class, PeriodReport::rules),
    FRAMEWORKS("frameworks", FrameworkSummary.class, PeriodReport::frameworks),
    TIMES("times", RuleTableTime.class, PeriodReport::times),
    VIOLATIONS("violations", Violation.class, PeriodReport::violations),
    EXEMPTIONS("exemptions", ExemptionPeriod.class, PeriodReport::exemptions),
    RESTORE_TESTS("restore_tests", RestoreEvidence.class, PeriodReport::restoreTests),
    CHANGES("changes", PostureEntry.class, PeriodReport::changes),
    STORAGE("storage", StorageEntry.class, PeriodReport::storage);

    /** The name of the cover, which comes first in every format. */
    public static final String COVER = "cover";

    private final String label;
    private final Class<? extends Record> type;
    private final Function<PeriodReport, List<? extends Record>> rows;

    ReportSections(String label, Class<? extends Record> type, Function<PeriodReport, List<? extends Record>> rows) {
        this.label = label;
        this.type = type;
        this.rows = rows;
    }

    public String label() {
        return label;
    }

    public Class<? extends Record> type() {
        return type;
    }

    public List<? extends Record> rows(PeriodReport report) {
        return rows.apply(report);
    }
}
