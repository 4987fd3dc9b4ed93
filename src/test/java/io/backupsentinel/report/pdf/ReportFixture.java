package io.backupsentinel.report.pdf;

import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.report.period.Citation;
import io.backupsentinel.report.period.ExemptionPeriod;
import io.backupsentinel.report.period.FrameworkSummary;
import io.backupsentinel.report.period.PeriodReport;
import io.backupsentinel.report.period.PostureEntry;
import io.backupsentinel.report.period.ReportCover;
import io.backupsentinel.report.period.ReportScope;
import io.backupsentinel.report.period.RestoreEvidence;
import io.backupsentinel.report.period.RuleSummary;
import io.backupsentinel.report.period.RuleTableTime;
import io.backupsentinel.report.period.StorageEntry;
import io.backupsentinel.report.period.Violation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Fixed period reports for the PDF tests and the bench: a small one with every section filled, and one of any
 * size ({@code tables} tables × {@code rules} rules over {@code days} days) with a violation on every tenth pair.
 */
public final class ReportFixture {
    static final Instant FROM = Instant.parse("2026-09-01T00:00:00Z");
    static final String HEAD_HASH = "3f".repeat(32);
    /** A name outside WinAnsi, as a tag or a reason may carry (and a table name could in a hostile history). */
    static final String UNICODE_TABLE = "orders-\u6771\u4eac-\u0141\u00f3d\u017a";

    private ReportFixture() {
    }

    public static PeriodReport small() {
        return sized(4, 2, 90, true);
    }

    public static PeriodReport sized(int tables, int rules, int days, boolean unicode) {
        return sized(tables, rules, days, unicode, "eu-west-1");
    }

    /** {@link #sized} with every row in {@code region}. */
    public static PeriodReport sized(int tables, int rules, int days, boolean unicode, String region) {
        Instant to = FROM.plusSeconds(days * 86_400L);
        long period = days * 86_400L;
        List<RuleSummary> ruleSummaries = new ArrayList<>();
        List<RuleTableTime> times = new ArrayList<>();
        List<Violation> violations = new ArrayList<>();
        long seq = 1;
        for (int r = 0; r < rules; r++) {
            String rule = rule(r);
            int ruleViolations = 0;
            long nonCompliant = 0;
            long compliantSum = 0;
            for (int t = 0; t < tables; t++) {
                String table = unicode && t == 1 ? UNICODE_TABLE : table(t);
                boolean violated = t % 10 == 0;
                long bad = violated ? 7_200 + t : 0;
                long unknown = t % 7 == 3 ? 3_600 : 0;
                long exempt = t % 13 == 5 ? 86_400 : 0;
                long unobserved = t % 11 == 4 ? 43_200 : 0;
                long compliant = period - bad - unknown - exempt - unobserved;
                compliantSum += compliant;
                nonCompliant += bad;
                times.add(new RuleTableTime(rule, account(t), region, table, compliant, bad, unknown, exempt,
                        unobserved, percent(compliant, period), violated ? 1 : 0,
                        violated ? Status.NON_COMPLIANT : Status.COMPLIANT));
                if (violated) {
                    ruleViolations++;
                    Instant start = FROM.plusSeconds(86_400L * (t % days) + 3_600);
                    violations.add(new Violation(rule, account(t), region, table, Severity.HIGH, start,
                            start.plusSeconds(bad), false, false, bad, bad, "newest recovery point 2h 0m old",
                            "at most 1h old", "RPO exceeded", new Citation(seq, HEAD_HASH),
                            new Citation(seq + 1, HEAD_HASH)));
                    seq += 2;
                }
            }
            ruleSummaries.add(new RuleSummary(rule, "rpo", Severity.HIGH, List.of("SOC2 CC9.1", "ISO27001 A.12.3"),
                    "Tables are restorable to within an hour", tables, percent(compliantSum, period * tables),
                    nonCompliant, 0, ruleViolations));
        }
        List<FrameworkSummary> frameworks = List.of(
                new FrameworkSummary("ISO27001 A.12.3", ruleSummaries.stream().map(RuleSummary::rule).toList(), tables,
                        new BigDecimal("99.95"), 7_200, 3_600, violations.size()),
                new FrameworkSummary("SOC2 CC9.1", ruleSummaries.stream().map(RuleSummary::rule).toList(), tables,
                        new BigDecimal("99.95"), 7_200, 3_600, violations.size()));
        List<ExemptionPeriod> exemptions = List.of(new ExemptionPeriod(rule(0), account(5), region, table(5),
                "Jane Auditor", "migration window, restores tested by hand \u2014 ticket \ud83d\udd12 OPS-42",
                LocalDate.parse("2026-10-01"), FROM.plusSeconds(86_400), FROM.plusSeconds(2 * 86_400),
                ExemptionPeriod.State.EXPIRED, 86_400, "NON_COMPLIANT", new Citation(900, HEAD_HASH),
                new Citation(901, HEAD_HASH)));
        List<RestoreEvidence> restores = List.of(new RestoreEvidence("restore-tested", account(0), region,
                table(0), FROM, true, Status.COMPLIANT, "restored 2026-08-30 in 14m 3s", "RTO 1h", "restore tested",
                new Citation(950, HEAD_HASH)));
        List<PostureEntry> changes = List.of(new PostureEntry(FROM.plusSeconds(5_000), account(2), region,
                table(2), "PITR_ENABLED", "false", "true", new Citation(960, HEAD_HASH)));
        List<StorageEntry> storage = List.of(new StorageEntry(account(0), region, table(0),
                to.minusSeconds(3_600), 1_234_567_890L, 42_000_000L, 0L, null, new Citation(970, HEAD_HASH)));
        ReportScope scope = new ReportScope(List.of(), List.of(region), List.of(), List.of(),
                new TreeMap<>(java.util.Map.of("env", "prod")));
        ReportCover cover = new ReportCover(CoverPage.TITLE, FROM, to, period, scope, "1.4.0-test",
                to.minusSeconds(60), new Citation(1_000, HEAD_HASH), tables, rules,
                List.of("No storage cost estimate: prices are not part of this fixture."));
        return new PeriodReport(cover, ruleSummaries, frameworks, times, violations, exemptions, restores, changes,
                storage);
    }

    static String rule(int r) {
        return "rpo-within-1h-" + r;
    }

    static String table(int t) {
        return String.format("customer-ledger-%05d", t);
    }

    static String account(int t) {
        return String.format("1111%08d", t % 3);
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.DOWN);
    }
}
