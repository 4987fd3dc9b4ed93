package io.backupsentinel.engine;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;
import io.backupsentinel.rule.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The daemon's state between scheduled runs: the latest collection, and each (rule, table)'s last status.
 * Collection and evaluation are separate, so a rule can be re-evaluated on its own schedule against the
 * latest facts without calling AWS; facts older than {@code maxFactAge} give UNKNOWN, never a stale verdict.
 * Status changes are logged, once each.
 */
public final class Monitor {
    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

    private final Audit audit;
    private final RuleSet rules;
    private final Clock clock;
    private final Duration maxFactAge;
    private final AtomicReference<Collection> latest = new AtomicReference<>();
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();

    public Monitor(Audit audit, RuleSet rules, Clock clock, Duration maxFactAge) {
        this.audit = audit;
        this.rules = rules;
        this.clock = clock;
        this.maxFactAge = maxFactAge;
    }

    public RuleSet rules() {
        return rules;
    }

    /** The last status of a rule on a table, if it was evaluated. */
    public java.util.Optional<Status> status(String rule, String account, String region, String table) {
        return java.util.Optional.ofNullable(statuses.get(rule + "|" + account + "|" + region + "|" + table));
    }

    /** Collects every target the rules reach; the next evaluations judge these facts. */
    public Collection collect() {
        Collection c = audit.collect(rules);
        latest.set(c);
        LOG.info("collected {} tables in {} with {} AWS requests; {} account-region(s) failed", c.tables(),
                c.duration(), c.requests().values().stream().mapToLong(Long::longValue).sum(), c.failures().size());
        c.failures().forEach(f -> LOG.warn("collection failed for {}: {}", f.target(), f.cause()));
        return c;
    }

    /** Collects, then evaluates every rule on the new facts: what each scheduled collection does. */
    public void refresh() {
        collect();
        rules.rules().forEach(rule -> evaluate(rule.name()));
    }

    /** Evaluates one rule against the latest facts; empty until the first collection finished. */
    public List<Finding> evaluate(String ruleName) {
        Collection c = latest.get();
        if (c == null) {
            return List.of();
        }
        List<Finding> findings = new Evaluator(rules, maxFactAge)
                .evaluate(c.snapshots(), clock.instant(), rule -> rule.name().equals(ruleName));
        for (Finding f : findings) {
            String key = f.rule() + "|" + f.account() + "|" + f.region() + "|" + f.table();
            Status before = statuses.put(key, f.status());
            if (before != f.status() && (before != null || f.status() != Status.COMPLIANT)) {
                LOG.info("{} {}/{}/{}: {} -> {}: {}", f.rule(), f.account(), f.region(), f.table(),
                        before == null ? "first seen" : before, f.status(), f.message());
            }
        }
        return findings;
    }
}
