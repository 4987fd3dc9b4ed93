package io.backupsentinel.engine;

import io.backupsentinel.check.RecoveryPoints;
import io.backupsentinel.cost.PriceTable;
import io.backupsentinel.cost.StorageEstimate;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.metrics.SentinelMetrics;
import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Transition;
import io.backupsentinel.rule.Rule;
import io.backupsentinel.rule.RuleSet;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes the daemon's state as metrics: every rule's current findings after each evaluation, each collected
 * account-region's recovery-point times, RPO targets and backup storage estimates, and each audit run. Independent of the history, so
 * findings keep flowing to {@code /metrics} while the database is away.
 */
public final class MetricsSink implements FindingSink {
    private final SentinelMetrics metrics;
    /** rule → account-region → its current findings there; the metrics take a rule's findings whole. */
    private final Map<String, Map<Target, List<Finding>>> byRule = new ConcurrentHashMap<>();
    private volatile RuleSet rules;
    private final PriceTable prices;

    /** With AWS's list prices for the storage estimate. */
    public MetricsSink(SentinelMetrics metrics, RuleSet rules) {
        this(metrics, rules, PriceTable.AWS_LIST_PRICES);
    }

    /** @param prices the storage prices of the backup cost estimate ({@code cost:} in the config) */
    public MetricsSink(SentinelMetrics metrics, RuleSet rules, PriceTable prices) {
        this.metrics = metrics;
        this.rules = rules;
        this.prices = prices;
        metrics.rules(rules.rules().stream().map(Rule::name).toList());
    }

    @Override
    public void evaluated(String rule, Target target, List<Finding> findings, List<Transition> transitions) {
        Map<Target, List<Finding>> targets = byRule.computeIfAbsent(rule, r -> new ConcurrentHashMap<>());
        targets.put(target, List.copyOf(findings));
        List<Finding> all = new ArrayList<>();
        targets.values().forEach(all::addAll);
        metrics.findings(rule, all);
    }

    @Override
    public void judged(String rule, Target target, Duration took) {
        metrics.evaluation(took);
    }

    @Override
    public void collected(RegionSnapshot snapshot, RuleSet asked, Set<String> onlyTables, AuditRun run) {
        metrics.run(run);
        metrics.collection(run.duration());
        if (snapshot.failure() != null) {
            return; // the last points stay, their ages growing
        }
        List<TableFacts> all = merged.apply(snapshot, asked, onlyTables);
        metrics.facts(List.of(snapshot.target()), all, rpoTargets(all));
        metrics.storage(List.of(snapshot.target()),
                all.stream().map(f -> StorageFigures.of(StorageEstimate.of(f, prices))).toList());
    }

    /**
     * The backup storage estimate of a table from the facts merged so far (every kind from the newest collection
     * that asked for it), at the configured prices; empty when the table was not collected. For the status page.
     */
    public Optional<StorageEstimate> storage(TableRef table) {
        TableFacts f = merged.get(table.target(), table.name());
        return f == null ? Optional.empty() : Optional.of(StorageEstimate.of(f, prices));
    }

    /** The price table the estimates use. */
    public PriceTable prices() {
        return prices;
    }

    /** The facts of every kind, merged across the collections of different rules. */
    private final MergedFacts merged = new MergedFacts();

    /**
     * The newest recovery point of any source (PITR's latest restorable time, AWS Backup, on-demand backups,
     * exports) of each table under an rpo rule, from the facts merged so far: the point a restore would reach,
     * whose age is the table's effective RPO. Tables under an rpo rule with no point at all, or whose points
     * are unknown, are absent (their rpo findings say so); for the CloudWatch worst-age metric.
     */
    public Map<TableRef, Instant> newestEffectivePoints() {
        Map<TableRef, Instant> out = new HashMap<>();
        for (Target target : merged.targets()) {
            List<TableFacts> all = merged.tables(target);
            Set<TableRef> underRpo = rpoTargets(all).keySet();
            for (TableFacts t : all) {
                if (underRpo.contains(t.table())) {
                    RecoveryPoints.newestInstants(t).values().stream().max(Comparator.naturalOrder())
                            .ifPresent(at -> out.put(t.table(), at));
                }
            }
        }
        return out;
    }

    @Override
    public void rulesChanged(RuleSet next) {
        rules = next;
        Set<String> names = new java.util.HashSet<>();
        next.rules().forEach(r -> names.add(r.name()));
        byRule.keySet().retainAll(names);
        metrics.rules(names);
    }

    /** Each table's RPO: the strictest max_age of the rpo rules whose scope holds it, tiers applied. */
    private Map<TableRef, Duration> rpoTargets(List<TableFacts> tables) {
        Map<TableRef, Duration> out = new HashMap<>();
        RuleSet set = rules;
        for (TableFacts t : tables) {
            RuleTargets.rpo(set, t).ifPresent(d -> out.put(t.table(), d));
        }
        return out;
    }
}
