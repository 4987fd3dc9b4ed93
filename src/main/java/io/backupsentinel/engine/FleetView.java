package io.backupsentinel.engine;

import io.backupsentinel.check.RecoveryPoints;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.RecoverySource;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Transition;
import io.backupsentinel.rule.RuleSet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The read-only view of the daemon that the status page reads: current findings, every table's merged facts,
 * its RPO deadline, the rules, and the collections running now. It is a {@link FindingSink}, so it follows the
 * monitor without asking it; pages read an immutable {@link FleetSnapshot} rebuilt only after the findings or
 * facts changed.
 */
public final class FleetView implements FindingSink {
    /** No known point first (every source read, then some unknown), then by deadline. */
    private static final Comparator<RpoDeadline> SOONEST = Comparator.comparing(RpoDeadline::deadline,
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(d -> d.unknown() != null)
            .thenComparing(d -> d.table().account())
            .thenComparing(d -> d.table().region()).thenComparing(d -> d.table().name());

    private final Clock clock;
    /** rule → account-region → current findings there, sorted and counted by the thread that evaluated them. */
    private final Map<String, Map<Target, FleetSnapshot.Part>> findings = new ConcurrentHashMap<>();
    private final MergedFacts facts = new MergedFacts();
    private final Map<InFlightKey, CollectionInProgress> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong findingsVersion = new AtomicLong();
    private final AtomicLong factsVersion = new AtomicLong();
    private volatile RuleSet rules;
    private FleetSnapshot snapshot;
    private long snapshotFindings = -1;
    private long snapshotFacts = -1;
    private List<RpoDeadline> deadlines = List.of();

    public FleetView(RuleSet rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** The findings the history kept, shown until the first evaluation of each rule replaces them. */
    public void restore(Map<FindingKey, Finding> kept) {
        Map<String, Map<Target, List<Finding>>> grouped = new java.util.HashMap<>();
        kept.forEach((k, f) -> grouped.computeIfAbsent(k.rule(), r -> new java.util.HashMap<>())
                .computeIfAbsent(k.target(), t -> new ArrayList<>()).add(f));
        grouped.forEach((rule, byTarget) -> byTarget.forEach((target, list) -> findings
                .computeIfAbsent(rule, r -> new ConcurrentHashMap<>()).put(target, FleetSnapshot.Part.of(list))));
        findingsVersion.incrementAndGet();
    }

    @Override
    public void evaluated(String rule, Target target, List<Finding> current, List<Transition> transitions) {
        Map<Target, FleetSnapshot.Part> byTarget = findings.computeIfAbsent(rule, r -> new ConcurrentHashMap<>());
        if (current.isEmpty()) {
            byTarget.remove(target);
        } else {
            byTarget.put(target, FleetSnapshot.Part.of(current));
        }
        findingsVersion.incrementAndGet();
    }

    @Override
    public void collecting(Target target, List<String> ruleNames, Set<String> onlyTables, Instant started) {
        inFlight.put(new InFlightKey(target, List.copyOf(ruleNames), started),
                new CollectionInProgress(target, ruleNames, onlyTables == null ? -1 : onlyTables.size(), started));
    }

    @Override
    public void collected(RegionSnapshot snapshot, RuleSet asked, Set<String> onlyTables, AuditRun run) {
        inFlight.remove(new InFlightKey(snapshot.target(), run.rules(), run.startedAt()));
        facts.apply(snapshot, asked, onlyTables);
        factsVersion.incrementAndGet();
    }

    @Override
    public void rulesChanged(RuleSet next) {
        rules = next;
        factsVersion.incrementAndGet(); // RPO targets may have changed
    }

    /** The findings and counts now; the same instance until something changes. */
    public synchronized FleetSnapshot snapshot() {
        long f = findingsVersion.get();
        long d = factsVersion.get();
        if (snapshot != null && f == snapshotFindings && d == snapshotFacts) {
            return snapshot;
        }
        if (d != snapshotFacts) {
            deadlines = deadlines();
        }
        List<FleetSnapshot.Part> parts = new ArrayList<>();
        findings.values().forEach(byTarget -> parts.addAll(byTarget.values()));
        snapshot = new FleetSnapshot(parts, deadlines, clock.instant());
        snapshotFindings = f;
        snapshotFacts = d;
        return snapshot;
    }

    private List<RpoDeadline> deadlines() {
        RuleSet set = rules;
        List<RpoDeadline> out = new ArrayList<>();
        for (TableFacts t : facts.all()) {
            Optional<Duration> rpo = RuleTargets.rpo(set, t);
            if (rpo.isPresent()) {
                var perSource = RecoveryPoints.newestPerSource(t, List.of(RecoverySource.values()), List.of()).values();
                Instant newest = RecoveryPoints.youngest(perSource).map(RecoveryPoints.Newest::at).orElse(null);
                List<String> causes = perSource.stream().filter(n -> !n.known()).map(RecoveryPoints.Newest::cause)
                        .toList();
                out.add(new RpoDeadline(t.table(), newest, rpo.get(), newest == null ? null : newest.plus(rpo.get()),
                        causes.isEmpty() ? null : String.join("; ", causes)));
            }
        }
        out.sort(SOONEST);
        return out;
    }

    /** One table's findings, facts and what follows from them; empty when neither findings nor facts know it. */
    public Optional<TableDetail> table(String account, String region, String table) {
        List<Finding> current = snapshot().findingsOf(account, region, table);
        TableFacts tableFacts = facts.get(new Target(account, region), table);
        if (current.isEmpty() && tableFacts == null) {
            return Optional.empty();
        }
        TableRef ref = tableFacts != null ? tableFacts.table()
                : new TableRef(account, region, table, current.get(0).tableArn());
        return Optional.of(TableDetails.of(ref, tableFacts, current, rules));
    }

    /** The collections running now, oldest first. */
    public List<CollectionInProgress> collectionsInProgress() {
        List<CollectionInProgress> out = new ArrayList<>(inFlight.values());
        out.sort(Comparator.comparing(CollectionInProgress::started));
        return out;
    }

    /** The rules in force, by name. */
    public List<RuleInfo> rules() {
        return rules.rules().stream().map(r -> new RuleInfo(r.name(), r.checkName(), r.severity(), r.description(),
                r.frameworks())).sorted(Comparator.comparing(RuleInfo::name)).toList();
    }

    /** The daemon's clock: the virtual one in the demo. */
    public Instant now() {
        return clock.instant();
    }

    private record InFlightKey(Target target, List<String> rules, Instant started) {
    }

}
