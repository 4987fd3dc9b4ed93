package io.backupsentinel.engine;

import io.backupsentinel.inventory.BackupInventory;
import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.AuditResult;
import io.backupsentinel.model.CollectionFailure;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.RuleReach;
import io.backupsentinel.model.TimeMath;
import io.backupsentinel.rule.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one audit: the targets the rules reach are collected in parallel (each inventory call bounds its
 * own AWS concurrency), then every rule is evaluated on every table in its scope.
 */
public final class Audit {
    private static final Logger LOG = LoggerFactory.getLogger(Audit.class);
    /** Listings reach a little further back than the rules need, so a finding can say how old the point before is. */
    private static final Duration LOOKBACK_MARGIN = Duration.ofDays(1);

    private final BackupInventory inventory;
    private final Clock clock;

    public Audit(BackupInventory inventory, Clock clock) {
        this.inventory = inventory;
        this.clock = clock;
    }

    /** Collects and evaluates: one whole audit. */
    public AuditResult run(RuleSet rules) {
        Collection c = collect(rules);
        var findings = new Evaluator(rules).evaluate(c.snapshots(), clock.instant());
        return new AuditResult(c.startedAt(), Duration.between(c.startedAt(), clock.instant()), findings,
                c.failures(), c.requests(), c.tables(), reach(rules, findings));
    }

    /** Per rule, the tables it judged: one finding per (rule, table); "*" findings stand for unlisted targets. */
    static List<RuleReach> reach(RuleSet rules, List<Finding> findings) {
        Map<String, Integer> counts = new HashMap<>();
        for (Finding f : findings) {
            if (!Evaluator.WHOLE_TARGET.equals(f.table())) {
                counts.merge(f.rule(), 1, Integer::sum);
            }
        }
        return rules.rules().stream()
                .map(r -> new RuleReach(r.name(), counts.getOrDefault(r.name(), 0), r.allowEmpty())).toList();
    }

    /** Collects the facts of every account-region the rules reach; never throws for an AWS fault. */
    public Collection collect(RuleSet rules) {
        Instant started = clock.instant();
        List<Target> targets;
        try {
            targets = inventory.targets().stream().filter(t -> Evaluator.reaches(rules, t)).toList();
        } catch (RuntimeException e) {
            // Without targets nothing can be judged: say so once, as a failure of the whole audit.
            LOG.warn("could not determine the accounts and regions to audit: {}", e.getMessage());
            return new Collection(started, Duration.between(started, clock.instant()), List.of(),
                    List.of(new CollectionFailure(new Target("*", "*"), "could not determine the accounts and"
                            + " regions to audit: " + e.getMessage())), Map.of());
        }
        CollectionRequest request = requestFor(rules);
        List<RegionSnapshot> snapshots = collectAll(targets, request);
        Map<String, Long> requests = new TreeMap<>();
        snapshots.forEach(s -> s.requests().forEach((op, n) -> requests.merge(op, n, Long::sum)));
        List<CollectionFailure> failures = new ArrayList<>();
        for (RegionSnapshot s : snapshots) {
            if (s.failure() != null) {
                failures.add(new CollectionFailure(s.target(), s.failure()));
            }
        }
        return new Collection(started, Duration.between(started, clock.instant()), snapshots, failures, requests);
    }

    /** What to collect for these rules: the fact kinds their checks read, far enough back, their scopes' tables. */
    static CollectionRequest requestFor(RuleSet rules) {
        return new CollectionRequest(rules.facts(), withMargin(rules.lookbacks()),
                (table, tags) -> Evaluator.anyRuleCovers(rules, table, tags));
    }

    /** Each kind's lookback plus the margin; a current state (lookback zero) needs none. */
    static Map<FactKind, Duration> withMargin(Map<FactKind, Duration> lookbacks) {
        Map<FactKind, Duration> out = new EnumMap<>(FactKind.class);
        lookbacks.forEach((kind, d) -> out.put(kind, d.isZero() ? d : TimeMath.plus(d, LOOKBACK_MARGIN)));
        return out;
    }

    private List<RegionSnapshot> collectAll(List<Target> targets, CollectionRequest request) {
        if (targets.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(targets.size(), 32), r -> {
            Thread t = new Thread(r, "collect");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<RegionSnapshot>> futures = new ArrayList<>();
            for (Target t : targets) {
                futures.add(pool.submit(() -> collectOne(t, request)));
            }
            List<RegionSnapshot> out = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) {
                out.add(await(futures.get(i), targets.get(i)));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private RegionSnapshot collectOne(Target target, CollectionRequest request) {
        try {
            return inventory.collect(target, request);
        } catch (RuntimeException e) {
            // The inventory contract is to report faults in the snapshot; a bug must still not sink the audit.
            LOG.warn("collecting {} failed", target, e);
            return RegionSnapshot.failed(target, "collection failed: " + e, Map.of());
        }
    }

    private static RegionSnapshot await(Future<RegionSnapshot> future, Target target) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RegionSnapshot.failed(target, "collection interrupted", Map.of());
        } catch (ExecutionException e) {
            return RegionSnapshot.failed(target, "collection failed: " + e.getCause(), Map.of());
        }
    }
}
