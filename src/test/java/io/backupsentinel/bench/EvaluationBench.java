package io.backupsentinel.bench;

import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.engine.Evaluator;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.BackupJob;
import io.backupsentinel.model.BackupPlan;
import io.backupsentinel.model.BackupSelection;
import io.backupsentinel.model.CopyAction;
import io.backupsentinel.model.CopyJob;
import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.PlanRule;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RestoreJob;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Vault;
import io.backupsentinel.rule.LoadResult;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.rule.RuleSet;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Times the pure evaluation of the rules in {@code rules/} over 100,000 tables' facts (no I/O): all of the
 * rules, then the first ten (the target's wording: 10 rules over 100,000 tables in ≤ 1 s). Each round starts
 * after a full GC with the previous round's findings dropped, so it times this evaluation and the collection
 * of its own garbage, not the last round's. Prints best and median of {@code ROUNDS} rounds.
 * Run after {@code mvn -q test-compile} and
 * {@code mvn -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}:
 * {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp target/classes:target/test-classes:$(cat /tmp/cp.txt)
 * io.backupsentinel.bench.EvaluationBench [TABLES=100000] [RULES_DIR=rules] [ROUNDS=11]}. The fixed, pre-touched
 * heap keeps the kernel's page faults for a heap that grows and shrinks each round out of the figure
 * (BENCHMARKS.md, "Rule evaluation").
 */
public final class EvaluationBench {
    public static void main(String[] args) {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path rulesDir = Path.of(args.length > 1 ? args[1] : "rules");
        LoadResult loaded = new RuleLoader(CheckRegistry.standard()).load(rulesDir);
        if (!loaded.isValid()) {
            throw new IllegalStateException(loaded.errors().toString());
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 11;
        RuleSet rules = loaded.ruleSet();
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        RegionSnapshot snapshot = fleet(tables, now);
        time(rules, snapshot, now, rounds, tables);
        if (rules.rules().size() > 10) {
            List<String> firstTen = rules.rules().subList(0, 10).stream().map(r -> r.name()).toList();
            time(rules.restrictedTo(firstTen), snapshot, now, rounds, tables);
        }
    }

    private static void time(RuleSet rules, RegionSnapshot snapshot, Instant now, int rounds, int tables) {
        Evaluator evaluator = new Evaluator(rules);
        long[] took = new long[rounds];
        int findings = 0;
        for (int round = 0; round < rounds; round++) {
            System.gc();
            long t0 = System.nanoTime();
            List<Finding> out = evaluator.evaluate(List.of(snapshot), now);
            took[round] = System.nanoTime() - t0;
            findings = out.size();
            System.out.printf("round %d: %,d findings in %.0f ms%n", round, out.size(), took[round] / 1e6);
        }
        long[] sorted = took.clone();
        java.util.Arrays.sort(sorted);
        System.out.printf("evaluation: %d rules (%s) x %,d tables -> %,d findings; of %d rounds best %.0f ms, median"
                        + " %.0f ms (%d cores)%n", rules.rules().size(),
                rules.rules().stream().map(r -> r.name()).collect(java.util.stream.Collectors.joining(",")),
                tables, findings, rounds, sorted[0] / 1e6, sorted[rounds / 2] / 1e6,
                Runtime.getRuntime().availableProcessors());
    }

    /** A region of tables with a realistic mix: tiers, PITR, backups, recovery points, jobs, exports. */
    static RegionSnapshot fleet(int count, Instant now) {
        Random random = new Random(42);
        String account = "111111111111";
        String region = "us-east-1";
        String vaultArn = "arn:aws:backup:" + region + ":" + account + ":backup-vault:prod-vault";
        Map<String, Vault> vaults = Map.of("prod-vault", new Vault("prod-vault", vaultArn, true, 7L, 365L,
                now.minus(Duration.ofDays(100)), "arn:aws:kms:us-east-1:111111111111:key/k", "CUSTOMER_MANAGED_KMS_KEY",
                "BACKUP_VAULT"));
        List<BackupPlan> plans = List.of(new BackupPlan("p1", "arn:aws:backup:us-east-1:111111111111:backup-plan:p1",
                "gold-plan", List.of(new PlanRule("hourly", "prod-vault", "cron(0 * ? * * *)", "UTC", 35L, null, false,
                List.of(new CopyAction("arn:aws:backup:eu-west-1:111111111111:backup-vault:dr-vault", 35L)))),
                List.of(new BackupSelection("s1", "tiered", List.of("arn:aws:dynamodb:*:*:table/*"), List.of(),
                        List.of(), List.of(new BackupSelection.Condition("StringLike", "aws:ResourceTag/backup-tier", "*"))))));
        String[] tiers = {"gold", "silver", "bronze"};
        List<TableFacts> facts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TableRef t = TableRef.of(account, region, "fleet-" + i);
            Map<String, String> tags = Map.of("env", random.nextInt(10) < 8 ? "prod" : "staging",
                    "backup-tier", tiers[random.nextInt(3)]);
            boolean pitrOn = random.nextInt(10) < 8;
            PitrState pitr = pitrOn ? new PitrState(true, 35, now.minus(Duration.ofDays(35)),
                    now.minus(Duration.ofMinutes(5 + random.nextInt(30)))) : PitrState.disabled();
            Instant rpTime = now.minus(Duration.ofMinutes(random.nextInt(3000)));
            String rpArn = "arn:aws:backup:us-east-1:111111111111:recovery-point:" + i;
            List<RecoveryPoint> rps = List.of(new RecoveryPoint(rpArn, t.arn(), "prod-vault", vaultArn, rpTime,
                    rpTime.plusSeconds(300), random.nextInt(20) == 0 ? "PARTIAL" : "COMPLETED", 35L, null,
                    rpTime.plus(Duration.ofDays(35)), true, "arn:aws:kms:us-east-1:111111111111:key/k", null));
            List<OnDemandBackup> backups = List.of(new OnDemandBackup(t.arn() + "/backup/" + i, "b" + i,
                    now.minus(Duration.ofHours(random.nextInt(200))), "AVAILABLE", "USER", 1000L, null));
            List<BackupJob> jobs = List.of(new BackupJob("j" + i, t.arn(), random.nextInt(30) == 0 ? "FAILED" : "COMPLETED",
                    rpTime, rpTime.plusSeconds(300), null, "prod-vault", rpArn));
            List<CopyJob> copies = List.of(new CopyJob("c" + i, t.arn(), "COMPLETED", rpTime, rpTime.plusSeconds(600), null,
                    vaultArn, "arn:aws:backup:eu-west-1:111111111111:backup-vault:dr-vault"));
            Instant restoreStart = now.minus(Duration.ofDays(1 + random.nextInt(40)));
            List<RestoreJob> restores = List.of(new RestoreJob("r" + i, t.arn(), rpArn, "COMPLETED",
                    restoreStart, restoreStart.plus(Duration.ofMinutes(20)), null,
                    random.nextInt(10) == 0 ? "FAILED" : "SUCCESSFUL", null, null, null));
            List<ExportRecord> exports = List.of(new ExportRecord(t.arn() + "/export/1", "COMPLETED",
                    now.minus(Duration.ofHours(random.nextInt(48))), null, null, null, null, "bucket", "KMS",
                    "FULL_EXPORT", "DYNAMODB_JSON"));
            facts.add(new TableFacts(t, tags, "ACTIVE", now.minus(Duration.ofDays(400)), Fact.of(pitr), Fact.of(backups),
                    Fact.of(rps), Fact.of(exports), Fact.of(plans), Fact.of(vaults), Fact.of(jobs), Fact.of(copies),
                    Fact.of(restores), now));
        }
        return new RegionSnapshot(new Target(account, region), facts, null, Map.of());
    }
}
