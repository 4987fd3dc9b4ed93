package io.backupsentinel.bench;

import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.engine.Monitor;
import io.backupsentinel.inventory.BackupInventory;
import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Transition;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.rule.RuleSet;
import io.backupsentinel.schedule.Daemon;
import io.backupsentinel.schedule.DaemonTiming;
import io.backupsentinel.testing.CheckFactsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long after its RPO deadline the daemon reports a breach: {@code N} tables whose newest backups turn too
 * old at deadlines spread {@code SPACING} ms apart, judged by the real daemon on Quartz with the system clock,
 * facts collected once at start (so every breach is found by a deadline, not a collection). Prints the median,
 * p99 and maximum delay between each deadline and the transition to NON_COMPLIANT.
 *
 * <p>{@code java -cp target/classes:target/test-classes:$(cat /tmp/cp.txt) io.backupsentinel.bench.BreachLatencyBench 200 250}
 */
public final class BreachLatencyBench {
    private static final Target TARGET = new Target(CheckFactsBuilder.ACCOUNT, CheckFactsBuilder.REGION);

    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long spacing = args.length > 1 ? Long.parseLong(args[1]) : 250;
        Path dir = Files.createTempDirectory("breach-bench");
        Files.writeString(dir.resolve("rules.yml"), """
                rules:
                  - name: bench-rpo
                    check: rpo
                    severity: critical
                    schedule: {every: 1d}
                    params: {max_age: 1h, sources: [on_demand]}
                """);
        RuleSet rules = new RuleLoader(CheckRegistry.standard()).load(dir.resolve("rules.yml")).ruleSet();

        Instant firstDeadline = Instant.now().plusSeconds(10);
        Map<String, Instant> deadlines = new ConcurrentHashMap<>();
        List<TableFacts> facts = new ArrayList<>();
        for (int i = 0; i < tables; i++) {
            String name = "t" + i;
            Instant deadline = firstDeadline.plusMillis(i * spacing);
            deadlines.put(name, deadline);
            // A backup exactly max_age before the deadline: the table turns at the deadline.
            Duration age = Duration.between(deadline.minus(Duration.ofHours(1)), CheckFactsBuilder.NOW);
            CheckFactsBuilder b = CheckFactsBuilder.table(name);
            facts.add(rebase(b.onDemand(b.backup(age, null)).build()));
        }
        List<Long> delays = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger breached = new AtomicInteger();
        BackupInventory inventory = new BackupInventory() {
            @Override
            public List<Target> targets() {
                return List.of(TARGET);
            }

            @Override
            public RegionSnapshot collect(Target target, CollectionRequest request) {
                return new RegionSnapshot(target, facts, null, Map.of("DescribeContinuousBackups", (long) tables));
            }
        };
        Monitor monitor = new Monitor(inventory, rules, Clock.systemUTC(), (rule, target, findings, changes) -> {
            Instant now = Instant.now();
            for (Transition t : changes) {
                if (t.to() == Status.NON_COMPLIANT && t.from() == Status.COMPLIANT) {
                    delays.add(Duration.between(deadlines.get(t.key().table()), now).toMillis());
                    breached.incrementAndGet();
                }
            }
        }, r -> Duration.ofDays(3));
        DaemonTiming timing = new DaemonTiming(Duration.ofDays(1), Duration.ofDays(1), Duration.ofDays(1),
                Duration.ofMillis(100));
        try (Daemon daemon = new Daemon(monitor, timing, Set.of())) {
            daemon.start();
            Instant giveUp = firstDeadline.plusMillis(tables * spacing).plusSeconds(30);
            while (breached.get() < tables && Instant.now().isBefore(giveUp)) {
                Thread.sleep(100);
            }
        }
        List<Long> sorted = new ArrayList<>(delays);
        Collections.sort(sorted);
        System.out.printf("breaches reported: %d of %d deadlines%n", sorted.size(), tables);
        if (!sorted.isEmpty()) {
            System.out.printf("delay after deadline: median %d ms, p99 %d ms, max %d ms%n",
                    sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1),
                    sorted.get(sorted.size() - 1));
        }
    }

    /** The backups are dated in real time already; the facts are collected now. */
    private static TableFacts rebase(TableFacts f) {
        return new TableFacts(f.table(), f.tags(), f.tableStatus(), f.creationTime(), f.pitr(), f.onDemandBackups(),
                f.recoveryPoints(), f.exports(), f.plans(), f.vaults(), f.backupJobs(), f.copyJobs(), f.restoreJobs(),
                Instant.now());
    }
}
