package io.backupsentinel.engine;

import io.backupsentinel.inventory.BackupInventory;
import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.TimeMath;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Transition;
import io.backupsentinel.rule.Rule;
import io.backupsentinel.rule.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The daemon's live state: for every (rule, account-region) the facts it was last judged on, the current
 * finding of every table, and the instant the earliest of them changes on its own.
 *
 * <p>Collection and evaluation are separate. {@link #collect} gathers one account-region's facts for the rules
 * that asked (only their fact kinds, only the tables in their scopes) and judges those rules there;
 * {@link #evaluateDue} re-judges, with no AWS call, the pairs whose deadline has passed (an RPO deadline, an
 * exemption expiring, facts going stale). Evaluations of one rule are serialised; the rule set can be swapped
 * at any time ({@link #replaceRules}) and the next evaluation uses the new set.
 */
public final class Monitor {
    private static final Logger LOG = LoggerFactory.getLogger(Monitor.class);

    private final BackupInventory inventory;
    private final Clock clock;
    private final FindingSink sink;
    private final Function<Rule, Duration> staleAfter;
    private final AtomicReference<RuleSet> rules;
    /** rule → account-region → the facts it was last judged on. */
    private final Map<String, Map<Target, RegionSnapshot>> facts = new ConcurrentHashMap<>();
    /** rule → account-region → table → current finding. */
    private final Map<String, Map<Target, Map<String, Judged>>> current = new ConcurrentHashMap<>();
    /** rule → account-region → when its earliest finding changes on its own. */
    private final Map<String, Map<Target, Instant>> deadlines = new ConcurrentHashMap<>();
    private final Map<String, Object> ruleLocks = new ConcurrentHashMap<>();

    /**
     * @param staleAfter how old a rule's facts may be before its findings are UNKNOWN ("stale")
     */
    public Monitor(BackupInventory inventory, RuleSet rules, Clock clock, FindingSink sink,
                   Function<Rule, Duration> staleAfter) {
        this.inventory = inventory;
        this.clock = clock;
        this.sink = sink;
        this.staleAfter = staleAfter;
        this.rules = new AtomicReference<>(rules);
    }

    public RuleSet rules() {
        return rules.get();
    }

    public Clock clock() {
        return clock;
    }

    /** The account-regions that at least one rule reaches; asks the inventory (and so STS) each time. */
    public List<Target> targets() {
        RuleSet set = rules.get();
        return inventory.targets().stream().filter(t -> Evaluator.reaches(set, t)).toList();
    }

    /**
     * Restores the current findings kept by the history, so that the first evaluation after a restart
     * reports only what really changed.
     */
    public void restore(Map<FindingKey, Finding> findings) {
        findings.forEach((k, f) -> current.computeIfAbsent(k.rule(), r -> new ConcurrentHashMap<>())
                .computeIfAbsent(k.target(), t -> new ConcurrentHashMap<>()).put(k.table(), new Judged(f, null)));
    }

    /**
     * Collects one account-region's facts for the named rules (the union of their fact kinds and scopes),
     * then judges each of them there. Never throws for an AWS fault: a failed collection keeps the tables of
     * the previous one, usable until they are stale, and adds an UNKNOWN finding per rule naming the cause.
     */
    public RegionSnapshot collect(Target target, Collection<String> ruleNames) {
        return collect(target, ruleNames, null);
    }

    /**
     * Collects only {@code tables} of one account-region for the named rules (a breaching table re-checked
     * for the fix) and merges their facts into what those rules hold.
     */
    public RegionSnapshot recheck(Target target, Set<String> tables, Collection<String> ruleNames) {
        return collect(target, ruleNames, tables);
    }

    private RegionSnapshot collect(Target target, Collection<String> ruleNames, Set<String> onlyTables) {
        RuleSet set = rules.get();
        RuleSet asked = set.restrictedTo(ruleNames);
        if (asked.rules().isEmpty() || !Evaluator.reaches(asked, target)) {
            return RegionSnapshot.failed(target, "no rule reaches " + target, Map.of());
        }
        Instant started = clock.instant();
        // The table description feeds the storage estimate, not a check; the collector reads it at most daily.
        CollectionRequest request = Audit.requestFor(asked).plus(FactKind.DESCRIPTION);
        if (onlyTables != null) {
            CollectionRequest all = request;
            request = new CollectionRequest(all.facts(), all.lookbacks(),
                    (t, tags) -> onlyTables.contains(t.name()) && all.inScope().test(t, tags));
        }
        List<String> names = asked.rules().stream().map(Rule::name).toList();
        sink.collecting(target, names, onlyTables, started);
        RegionSnapshot fresh = collectSafely(target, request);
        Duration took = Duration.between(started, clock.instant());
        for (Rule rule : asked.rules()) {
            if (rule.scope().reaches(target)) {
                Map<Target, RegionSnapshot> byTarget = facts.computeIfAbsent(rule.name(), r -> new ConcurrentHashMap<>());
                byTarget.merge(target, fresh, (before, now) -> merged(before, now, onlyTables));
            }
        }
        int findings = 0;
        for (Rule rule : asked.rules()) {
            if (rule.scope().reaches(target)) {
                findings += evaluate(rule.name(), target).size();
            }
        }
        AuditRun run = new AuditRun(started, took, List.of(target.toString()),
                names, fresh.tables().size(), findings, fresh.requests(),
                fresh.failure() == null ? Map.of() : Map.of(target.toString(), fresh.failure()));
        if (fresh.failure() != null) {
            LOG.warn("collection of {} failed: {}", target, fresh.failure());
        } else {
            LOG.info("collected {} table(s) of {} for {} rule(s) in {} ms with {} AWS request(s)", fresh.tables().size(),
                    target, asked.rules().size(), took.toMillis(), run.totalRequests());
        }
        sink.collected(fresh, asked, onlyTables, run);
        return fresh;
    }

    private RegionSnapshot collectSafely(Target target, CollectionRequest request) {
        try {
            return inventory.collect(target, request);
        } catch (RuntimeException e) {
            // The inventory reports AWS faults in the snapshot; this is a bug, but it must not stop the daemon.
            LOG.error("collecting {} failed (a bug: the inventory should report faults, not throw)", target, e);
            return RegionSnapshot.failed(target, "collection failed: " + e, Map.of());
        }
    }

    /**
     * What a rule holds after a new collection: the new snapshot; or, when the collection failed, the tables it
     * held before with the failure; or, for a re-check of some tables, the old tables with those replaced.
     */
    private static RegionSnapshot merged(RegionSnapshot before, RegionSnapshot fresh, Set<String> onlyTables) {
        if (fresh.failure() != null) {
            return new RegionSnapshot(fresh.target(), before.tables(), fresh.failure(), fresh.requests());
        }
        if (onlyTables == null) {
            return fresh;
        }
        Map<String, TableFacts> tables = new LinkedHashMap<>();
        before.tables().forEach(t -> tables.put(t.table().name(), t));
        onlyTables.forEach(tables::remove); // a re-checked table that is gone now is gone
        fresh.tables().forEach(t -> tables.put(t.table().name(), t));
        return new RegionSnapshot(fresh.target(), new ArrayList<>(tables.values()), before.failure(), fresh.requests());
    }

    /**
     * Judges one rule on one account-region against the facts it holds, now, and reports the transitions to
     * the sink. Evaluations of the same rule never run at once. Empty until the pair was first collected.
     */
    public List<Finding> evaluate(String ruleName, Target target) {
        synchronized (ruleLocks.computeIfAbsent(ruleName, r -> new Object())) {
            RuleSet set = rules.get();
            Optional<Rule> rule = set.rule(ruleName);
            RegionSnapshot snapshot = facts.getOrDefault(ruleName, Map.of()).get(target);
            if (rule.isEmpty() || snapshot == null) {
                return List.of();
            }
            Instant now = clock.instant();
            long started = System.nanoTime();
            List<Judged> judged = new Evaluator(set, staleAfter).judge(snapshot, now, r -> r.name().equals(ruleName));
            sink.judged(ruleName, target, java.time.Duration.ofNanos(System.nanoTime() - started));
            Map<String, Judged> before = current.computeIfAbsent(ruleName, r -> new ConcurrentHashMap<>())
                    .getOrDefault(target, Map.of());
            Map<String, Judged> after = new HashMap<>(judged.size() * 2);
            List<Transition> transitions = new ArrayList<>();
            Instant earliest = null;
            List<Finding> findings = new ArrayList<>(judged.size());
            for (Judged j : judged) {
                Finding f = j.finding();
                findings.add(f);
                after.put(f.table(), j);
                earliest = TimeMath.earliest(earliest, j.changesAt());
                Judged was = before.get(f.table());
                if (was == null) {
                    transitions.add(Transition.opened(f));
                } else if (was.finding().status() != f.status()) {
                    transitions.add(Transition.changed(was.finding(), f));
                }
            }
            for (Map.Entry<String, Judged> e : before.entrySet()) {
                if (!after.containsKey(e.getKey())) {
                    transitions.add(Transition.closed(e.getValue().finding(), now));
                }
            }
            current.get(ruleName).put(target, after);
            Map<Target, Instant> ruleDeadlines = deadlines.computeIfAbsent(ruleName, r -> new ConcurrentHashMap<>());
            if (earliest == null) {
                ruleDeadlines.remove(target);
            } else {
                ruleDeadlines.put(target, earliest);
            }
            sink.evaluated(ruleName, target, findings, transitions);
            return findings;
        }
    }

    /** Re-judges every (rule, account-region) whose earliest deadline has passed; no AWS call. */
    public int evaluateDue() {
        Instant now = clock.instant();
        int evaluated = 0;
        for (Map.Entry<String, Map<Target, Instant>> rule : deadlines.entrySet()) {
            for (Map.Entry<Target, Instant> due : List.copyOf(rule.getValue().entrySet())) {
                if (!due.getValue().isAfter(now)) {
                    evaluate(rule.getKey(), due.getKey());
                    evaluated++;
                }
            }
        }
        return evaluated;
    }

    /** Re-judges every (rule, account-region) that holds facts, on those facts; no AWS call. */
    public void evaluateAll() {
        facts.forEach((rule, byTarget) -> byTarget.keySet().forEach(t -> evaluate(rule, t)));
    }

    /** The earliest instant at which some finding changes on its own; empty when none will. */
    public Optional<Instant> nextDeadline() {
        Instant earliest = null;
        for (Map<Target, Instant> byTarget : deadlines.values()) {
            for (Instant at : byTarget.values()) {
                earliest = TimeMath.earliest(earliest, at);
            }
        }
        return Optional.ofNullable(earliest);
    }

    /**
     * Per account-region, the tables that one of these checks judges NON_COMPLIANT, with the rules that do:
     * what the daemon re-checks often so that a fixed table's incident resolves quickly.
     */
    public Map<Target, Map<String, Set<String>>> breaching(Set<String> checks) {
        Map<Target, Map<String, Set<String>>> out = new TreeMap<>(
                java.util.Comparator.comparing(Target::account).thenComparing(Target::region));
        current.forEach((rule, byTarget) -> byTarget.forEach((target, tables) -> tables.forEach((table, j) -> {
            Finding f = j.finding();
            if (f.status() == Status.NON_COMPLIANT && checks.contains(f.check()) && !"*".equals(table)) {
                out.computeIfAbsent(target, t -> new TreeMap<>()).computeIfAbsent(table, t -> new HashSet<>()).add(rule);
            }
        })));
        return out;
    }

    /** The current findings of one rule, in every account-region. */
    public List<Finding> findings(String rule) {
        List<Finding> out = new ArrayList<>();
        current.getOrDefault(rule, Map.of()).values().forEach(t -> t.values().forEach(j -> out.add(j.finding())));
        return out;
    }

    /** Every current finding. */
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>();
        current.values().forEach(byTarget -> byTarget.values().forEach(t -> t.values().forEach(j -> out.add(j.finding()))));
        return out;
    }

    /** Whether every (rule, account-region) pair in {@code expected} has been judged at least once. */
    public boolean judged(String rule, Target target) {
        return current.getOrDefault(rule, Map.of()).containsKey(target)
                && facts.getOrDefault(rule, Map.of()).containsKey(target);
    }

    /**
     * Puts a new rule set in force in one step. The findings of rules that are gone are closed (reported to the
     * sink as transitions); rules that stay keep their facts and findings and are judged by their new
     * definition at their next evaluation.
     */
    public void replaceRules(RuleSet next) {
        Set<String> keep = new HashSet<>();
        next.rules().forEach(r -> keep.add(r.name()));
        RuleSet previous = rules.getAndSet(next);
        for (Rule gone : previous.rules()) {
            if (keep.contains(gone.name())) {
                continue;
            }
            synchronized (ruleLocks.computeIfAbsent(gone.name(), r -> new Object())) {
                Instant now = clock.instant();
                Map<Target, Map<String, Judged>> byTarget = current.remove(gone.name());
                facts.remove(gone.name());
                deadlines.remove(gone.name());
                if (byTarget != null) {
                    byTarget.forEach((target, tables) -> sink.evaluated(gone.name(), target, List.of(),
                            tables.values().stream().map(j -> Transition.closed(j.finding(), now)).toList()));
                }
            }
        }
        // Facts of changed rules may no longer match their scope or fact kinds; they are replaced at the
        // rule's next collection, and judged by the new definition meanwhile only where still in scope.
        sink.rulesChanged(next);
    }

    /** How many findings are held, for logs and health. */
    public int size() {
        return current.values().stream().mapToInt(b -> b.values().stream().mapToInt(Map::size).sum()).sum();
    }
}
