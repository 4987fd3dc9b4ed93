package io.backupsentinel.bench;

import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.OutboxEvent;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Transition;
import io.backupsentinel.store.ChainReport;
import io.backupsentinel.store.HistoryStore;
import io.backupsentinel.store.StoreSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The size on disk of the embedded history after {@code DAYS} of a {@code TABLES}-table fleet, and how fast
 * it is written and verified. The fleet, per table: 12 rules (3 of them critical), findings opened on day 0;
 * then on average two status changes a week per table (one finding flips between COMPLIANT and
 * NON_COMPLIANT or UNKNOWN), a PagerDuty event for each change of a critical rule, one posture change a
 * month; an evaluation every 15 minutes appends that tick's changes in one transaction and one audit run
 * per tick. Seeded, so every run writes the same history.
 *
 * <p>Run after {@code mvn -q test-compile}:
 * {@code java -cp target/classes:target/test-classes:$(cat target/bench.classpath) io.backupsentinel.bench.HistoryBench [TABLES] [DAYS] [DIR]}
 */
public final class HistoryBench {
    private static final int RULES = 12;
    private static final int CRITICAL_RULES = 3;
    private static final Duration TICK = Duration.ofMinutes(15);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] TARGETS = {"111111111111/us-east-1", "111111111111/eu-west-1", "222222222222/us-east-1",
        "222222222222/eu-west-1", "333333333333/ap-southeast-2"};

    private HistoryBench() {
    }

    public static void main(String[] args) throws IOException {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("history-bench-");
        Random random = new Random(42);
        List<TableRef> refs = new ArrayList<>(tables);
        for (int i = 0; i < tables; i++) {
            String[] target = TARGETS[i % TARGETS.length].split("/");
            refs.add(TableRef.of(target[0], target[1], String.format("service-%05d-orders", i)));
        }
        Map<FindingKey, Finding> current = new HashMap<>();
        long transitions = 0;
        long events = 0;
        long changes = 0;
        long transactions = 0;
        long started = System.nanoTime();
        try (HistoryStore store = HistoryStore.open(StoreSettings.sqlite(dir))) {
            // Day 0: every (rule, table) opens, appended in evaluations of 1,000 tables.
            for (int from = 0; from < tables; from += 1000) {
                List<Transition> opened = new ArrayList<>();
                for (TableRef t : refs.subList(from, Math.min(tables, from + 1000))) {
                    for (int r = 0; r < RULES; r++) {
                        Finding f = finding(t, r, random.nextInt(10) == 0 ? Status.NON_COMPLIANT : Status.COMPLIANT, START);
                        current.put(FindingKey.of(f), f);
                        opened.add(Transition.opened(f));
                    }
                }
                store.history().append(opened, List.of(), List.of());
                transitions += opened.size();
                transactions++;
            }
            long ticks = Duration.ofDays(days).dividedBy(TICK);
            double changesPerTick = tables * 2.0 / 7 / (Duration.ofDays(1).dividedBy(TICK));
            double posturePerTick = tables / 30.0 / (Duration.ofDays(1).dividedBy(TICK));
            for (long tick = 1; tick <= ticks; tick++) {
                Instant at = START.plus(TICK.multipliedBy(tick));
                List<Transition> batch = new ArrayList<>();
                List<OutboxEvent> outbox = new ArrayList<>();
                List<PostureChange> posture = new ArrayList<>();
                for (int i = 0, n = poisson(random, changesPerTick); i < n; i++) {
                    TableRef t = refs.get(random.nextInt(tables));
                    int r = random.nextInt(RULES);
                    Finding before = current.get(new FindingKey(rule(r), t.account(), t.region(), t.name()));
                    Status next = before.status() == Status.COMPLIANT
                            ? (random.nextInt(5) == 0 ? Status.UNKNOWN : Status.NON_COMPLIANT) : Status.COMPLIANT;
                    Finding after = finding(t, r, next, at);
                    current.put(FindingKey.of(after), after);
                    batch.add(Transition.changed(before, after));
                    if (r < CRITICAL_RULES) {
                        String action = next == Status.NON_COMPLIANT ? "trigger" : "resolve";
                        outbox.add(OutboxEvent.of("pagerduty", "sentinel/" + rule(r) + "/" + t.arn(), action,
                                "{\"routing_key\":\"redacted\",\"event_action\":\"" + action + "\",\"dedup_key\":\"sentinel/"
                                        + rule(r) + "/" + t.arn() + "\",\"payload\":{\"summary\":\"" + after.message()
                                        + "\",\"source\":\"" + t.arn() + "\",\"severity\":\"critical\"}}", at));
                    }
                }
                for (int i = 0, n = poisson(random, posturePerTick); i < n; i++) {
                    TableRef t = refs.get(random.nextInt(tables));
                    posture.add(new PostureChange(t, PostureChange.Aspect.PITR_RECOVERY_PERIOD, "35d", "14d", at));
                }
                if (!batch.isEmpty() || !posture.isEmpty() || !outbox.isEmpty()) {
                    store.history().append(batch, posture, outbox);
                    transactions++;
                }
                store.history().appendRun(new AuditRun(at, Duration.ofSeconds(41), List.of(TARGETS), List.of(rules()),
                        tables, tables * RULES, Map.of("dynamodb:DescribeContinuousBackups", (long) tables,
                        "dynamodb:ListTables", 10L, "backup:ListRecoveryPointsByResource", (long) tables), Map.of()));
                transactions++;
                transitions += batch.size();
                events += outbox.size();
                changes += posture.size();
            }
        }
        double writeSeconds = (System.nanoTime() - started) / 1e9;
        long bytes = size(dir);
        long records = transitions + events + changes + Duration.ofDays(days).dividedBy(TICK);
        long verifyStarted = System.nanoTime();
        ChainReport report;
        try (HistoryStore store = HistoryStore.openReadOnly(StoreSettings.sqlite(dir))) {
            report = store.verifier().verify();
        }
        double verifySeconds = (System.nanoTime() - verifyStarted) / 1e9;
        System.out.printf("%d tables x %d days: %d transitions, %d outbox events, %d posture changes, %d runs = %d records"
                        + " in %d transactions%n", tables, days, transitions, events, changes,
                Duration.ofDays(days).dividedBy(TICK), records, transactions);
        System.out.printf("size on disk: %.1f MB (%s), %.0f bytes per record%n", bytes / 1e6, dir, (double) bytes / records);
        System.out.printf("write: %.1f s, %.0f records/s, %.0f transactions/s (WAL, synchronous=FULL)%n", writeSeconds,
                records / writeSeconds, transactions / writeSeconds);
        System.out.printf("verify: %.1f s, %.0f records/s: %s%n", verifySeconds, report.records() / verifySeconds,
                report.summary());
    }

    private static Finding finding(TableRef t, int rule, Status status, Instant at) {
        boolean bad = status != Status.COMPLIANT;
        return new Finding(t.account(), t.region(), t.name(), t.arn(), rule(rule), rule < CRITICAL_RULES ? "rpo" : "pitr",
                rule < CRITICAL_RULES ? Severity.CRITICAL : Severity.MEDIUM, status,
                status == Status.UNKNOWN ? "unknown" : bad ? "newest restorable point 26h14m ago (aws_backup)"
                        : "newest restorable point 3h02m ago (aws_backup)", "newest restorable point at most 24h old",
                status == Status.UNKNOWN ? "DescribeContinuousBackups was throttled (ThrottlingException); retrying"
                        : bad ? "No restorable backup in 24h: check the backup plan's schedule and the last backup job's error"
                        : "Within RPO", at);
    }

    private static String rule(int r) {
        return (r < CRITICAL_RULES ? "prod-rpo-" : "posture-") + r;
    }

    private static String[] rules() {
        String[] out = new String[RULES];
        for (int r = 0; r < RULES; r++) {
            out[r] = rule(r);
        }
        return out;
    }

    private static int poisson(Random random, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("history.db")).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
