package io.backupsentinel.testing;

import io.backupsentinel.check.RecoveryPoints;
import io.backupsentinel.check.RestoreTestCheck;
import io.backupsentinel.metrics.Meters;
import io.backupsentinel.metrics.RecoveryTimes;
import io.backupsentinel.metrics.SentinelMetrics;
import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RecoverySource;
import io.backupsentinel.model.RestoreJob;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic fleet for metrics, web, dashboard and benchmark tests: N tables spread over two accounts
 * and two regions, 12 rules, and facts that give every status and every recovery source. Table 3 (and every
 * 20th after it) has PITR off and a 30-hour-old backup, so the {@code rpo-24h} rule is NON_COMPLIANT for it.
 */
public final class SyntheticFleet {
    public record RuleDef(String name, String check, Severity severity) {
    }

    public static final List<RuleDef> RULES = List.of(
            new RuleDef("rpo-24h", "rpo", Severity.CRITICAL),
            new RuleDef("pitr-enabled", "pitr", Severity.HIGH),
            new RuleDef("restore-tested", "restore_test", Severity.HIGH),
            new RuleDef("backup-jobs-succeed", "backup_jobs", Severity.MEDIUM),
            new RuleDef("backup-plan-coverage", "backup_plan", Severity.HIGH),
            new RuleDef("retention-35d", "retention", Severity.MEDIUM),
            new RuleDef("cross-region-copy", "copy", Severity.HIGH),
            new RuleDef("vault-locked", "vault", Severity.MEDIUM),
            new RuleDef("monthly-export", "export", Severity.LOW),
            new RuleDef("retention-7y", "retention", Severity.LOW),
            new RuleDef("dr-account-copy", "copy", Severity.MEDIUM),
            new RuleDef("vault-encrypted", "vault", Severity.INFO));
    public static final List<String> ACCOUNTS = List.of("111111111111", "222222222222");
    public static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
    public static final Duration RPO = Duration.ofHours(24);

    private final Instant now;
    private final List<TableFacts> facts = new ArrayList<>();
    private final Map<TableRef, Duration> rpoTargets = new LinkedHashMap<>();
    private final Map<String, List<Finding>> findings = new LinkedHashMap<>();

    private SyntheticFleet(int tables, Instant now) {
        this.now = now;
        RULES.forEach(r -> findings.put(r.name(), new ArrayList<>()));
        for (int i = 0; i < tables; i++) {
            TableRef t = TableRef.of(ACCOUNTS.get(i % 2), REGIONS.get(i / 2 % 2), String.format("orders-%05d", i));
            TableFacts f = facts(t, i);
            facts.add(f);
            rpoTargets.put(t, RPO);
            for (RuleDef r : RULES) {
                findings.get(r.name()).add(new Finding(t.account(), t.region(), t.name(), t.arn(), r.name(), r.check(),
                        r.severity(), status(r, f, i), "observed", "expected", "message", now));
            }
        }
    }

    public static SyntheticFleet of(int tables, Instant now) {
        return new SyntheticFleet(tables, now);
    }

    /** The wiring the daemon uses: the checks' own definitions of newest point and validated restore. */
    public static RecoveryTimes recoveryTimes() {
        return new RecoveryTimes(RecoveryPoints::newestInstants, RestoreTestCheck::lastValidatedRestore);
    }

    public List<TableFacts> facts() {
        return facts;
    }

    public Map<String, List<Finding>> findings() {
        return findings;
    }

    /**
     * Backup storage per table: PITR of 1 to 5 GiB at $0.20 and on-demand backups of 2 GiB at $0.10; every
     * third table has an unknown AWS Backup size, so it has no total (as an unknown source leaves it).
     */
    public List<io.backupsentinel.metrics.TableStorage> storage() {
        List<io.backupsentinel.metrics.TableStorage> out = new java.util.ArrayList<>();
        long gib = 1L << 30;
        for (int i = 0; i < facts.size(); i++) {
            Map<String, Long> bytes = new java.util.LinkedHashMap<>();
            Map<String, Double> usd = new java.util.LinkedHashMap<>();
            long pitr = (i % 5 + 1) * gib;
            bytes.put("pitr", pitr);
            usd.put("pitr", 0.20 * (i % 5 + 1));
            bytes.put("on_demand", 2 * gib);
            usd.put("on_demand", 0.20);
            bytes.put("export", 0L);
            usd.put("export", 0.0);
            if (i % 3 != 0) {
                bytes.put("aws_backup", gib);
                usd.put("aws_backup", 0.10);
                bytes.put("total", pitr + 3 * gib);
                usd.put("total", 0.20 * (i % 5 + 1) + 0.30);
            }
            out.add(new io.backupsentinel.metrics.TableStorage(facts.get(i).table(), bytes, usd));
        }
        return out;
    }

    /** Tells {@code metrics} everything an audit of this fleet would: findings, facts, runs and requests. */
    public void feed(SentinelMetrics metrics) {
        metrics.rules(findings.keySet());
        findings.forEach(metrics::findings);
        metrics.facts(facts, rpoTargets);
        metrics.storage(facts.stream().map(f -> f.table().target()).distinct().toList(), storage());
        List<String> scope = List.of("111111111111/us-east-1", "222222222222/us-east-1", "111111111111/eu-west-1",
                "222222222222/eu-west-1");
        List<String> rules = List.copyOf(findings.keySet());
        int n = facts.size() * RULES.size();
        metrics.run(new AuditRun(now.minusSeconds(60), Duration.ofSeconds(20), scope, rules, facts.size(), n,
                Map.of("DescribeContinuousBackups", (long) facts.size()), Map.of()));
        // A later sweep lost one account-region, so collection failures have a series too.
        metrics.run(new AuditRun(now.minusSeconds(20), Duration.ofSeconds(15), scope, rules, facts.size(), n,
                Map.of("DescribeContinuousBackups", (long) facts.size()),
                Map.of("222222222222/eu-west-1", "AccessDenied on sts:AssumeRole")));
        metrics.collection(Duration.ofSeconds(12));
        metrics.evaluation(Duration.ofMillis(80));
        metrics.awsRequests("dynamodb", "DescribeContinuousBackups", Meters.OUTCOME_SUCCESS, facts.size());
        metrics.awsRequests("dynamodb", "DescribeContinuousBackups", Meters.OUTCOME_THROTTLED, 7);
        metrics.awsRequests("backup", "ListRecoveryPointsByResource", Meters.OUTCOME_SUCCESS, facts.size());
        metrics.awsRequests("backup", "ListBackupJobs", Meters.OUTCOME_SERVER_ERROR, 1);
        metrics.outboxDepth(2);
        metrics.historyQueueDepth(0);
    }

    private TableFacts facts(TableRef t, int i) {
        boolean pitrOff = i % 10 == 3;
        PitrState pitr = pitrOff ? PitrState.disabled()
                : new PitrState(true, 35, now.minus(Duration.ofDays(35)), now.minus(Duration.ofMinutes(5)));
        Duration backupAge = i % 20 == 3 ? Duration.ofHours(30) : Duration.ofHours(2 + i % 5);
        OnDemandBackup backup = new OnDemandBackup(t.arn() + "/backup/0" + i, t.name() + "-nightly",
                now.minus(backupAge), "AVAILABLE", "USER", 1024L, null);
        List<RecoveryPoint> points = i % 2 == 0 ? List.of(new RecoveryPoint(t.arn() + "/backup/rp" + i, t.arn(),
                "prod-vault", "arn:aws:backup:" + t.region() + ":" + t.account() + ":backup-vault:prod-vault",
                now.minus(Duration.ofHours(12)), now.minus(Duration.ofHours(12)).plusSeconds(60), "COMPLETED",
                35L, null, null, true, null, null)) : List.of();
        List<ExportRecord> exports = i % 5 == 0 ? List.of(new ExportRecord(t.arn() + "/export/" + i, "COMPLETED",
                now.minus(Duration.ofHours(20)), now.minus(Duration.ofHours(20)), now.minus(Duration.ofHours(19)),
                null, null, "exports-bucket", "KMS", "FULL_EXPORT", "DYNAMODB_JSON")) : List.of();
        List<RestoreJob> restores = i % 4 == 0 ? List.of(restore(t, i, "SUCCESSFUL"))
                : i % 4 == 1 ? List.of(restore(t, i, "FAILED")) : List.of();
        return new TableFacts(t, Map.of("env", "prod"), "ACTIVE", now.minus(Duration.ofDays(400)), Fact.of(pitr),
                Fact.of(List.of(backup)), Fact.of(points), Fact.of(exports), Fact.of(List.of()), Fact.of(Map.of()),
                Fact.of(List.of()), Fact.of(List.of()), Fact.of(restores), now);
    }

    private RestoreJob restore(TableRef t, int i, String validation) {
        Instant done = now.minus(Duration.ofDays(3));
        return new RestoreJob("restore-" + i, t.arn(), t.arn() + "/backup/rp" + i, "COMPLETED",
                done.minus(Duration.ofMinutes(20)), done, null, validation, null, t.arn() + "-restored", null);
    }

    private Status status(RuleDef r, TableFacts f, int i) {
        switch (r.check()) {
            case "rpo" -> {
                Instant youngest = RecoveryPoints.newestInstants(f).values().stream().max(Instant::compareTo).orElseThrow();
                return Duration.between(youngest, now).compareTo(RPO) > 0 ? Status.NON_COMPLIANT : Status.COMPLIANT;
            }
            case "pitr" -> {
                return f.pitr().value().enabled() ? Status.COMPLIANT : Status.NON_COMPLIANT;
            }
            case "restore_test" -> {
                return RestoreTestCheck.lastValidatedRestore(f).isPresent() ? Status.COMPLIANT : Status.NON_COMPLIANT;
            }
            default -> {
                return i % 29 == 0 ? Status.UNKNOWN : i % 17 == 0 ? Status.NON_COMPLIANT
                        : i % 31 == 0 ? Status.EXEMPT : Status.COMPLIANT;
            }
        }
    }

    /** Sources present for table {@code i}, for assertions. */
    public static List<RecoverySource> sourcesOf(int i) {
        List<RecoverySource> out = new ArrayList<>();
        if (i % 10 != 3) {
            out.add(RecoverySource.PITR);
        }
        out.add(RecoverySource.ON_DEMAND);
        if (i % 2 == 0) {
            out.add(RecoverySource.AWS_BACKUP);
        }
        if (i % 5 == 0) {
            out.add(RecoverySource.EXPORT);
        }
        return out;
    }
}
