package io.backupsentinel.engine;

import io.backupsentinel.alert.AlertPolicy;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.History;
import io.backupsentinel.model.OutboxEvent;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Transition;
import io.backupsentinel.rule.Rule;
import io.backupsentinel.rule.RuleSet;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes what the daemon observes to the history: each evaluation's transitions together with the alert events
 * they cause (one transaction, so no page is lost or sent twice across a restart), each collection's audit run,
 * and the posture changes between a table's previous and new facts, with the bytes of backup storage at most daily.
 */
public final class HistorySink implements FindingSink {
    private final History history;
    private final AlertPolicy policy;
    private final Runnable wakeDispatcher;
    private final Clock clock;
    /** The last facts seen per table ARN, per account-region: the "before" of the posture change log. */
    private final Map<Target, Map<String, TableFacts>> lastFacts = new ConcurrentHashMap<>();
    /** The daily BACKUP_STORAGE entries. */
    private final StorageLog storage = new StorageLog();

    /**
     * @param policy         decides the pages; null when paging is off
     * @param wakeDispatcher called after events were stored, so they are sent at once
     */
    public HistorySink(History history, AlertPolicy policy, Runnable wakeDispatcher, Clock clock) {
        this.history = history;
        this.policy = policy;
        this.wakeDispatcher = wakeDispatcher;
        this.clock = clock;
        storage.resume(history.latestPosture(PostureChange.Aspect.BACKUP_STORAGE));
    }

    @Override
    public void evaluated(String rule, Target target, List<Finding> findings, List<Transition> transitions) {
        if (transitions.isEmpty()) {
            return;
        }
        append(transitions, List.of());
    }

    /** Stores the "audit blind" events that fell due with no transition (call at the policy's deadline). */
    public void tick() {
        append(List.of(), List.of());
    }

    private synchronized void append(List<Transition> transitions, List<PostureChange> changes) {
        List<OutboxEvent> events = policy == null ? List.of() : policy.decide(transitions, clock.instant());
        if (transitions.isEmpty() && changes.isEmpty() && events.isEmpty()) {
            return;
        }
        history.append(transitions, changes, events);
        if (!events.isEmpty()) {
            wakeDispatcher.run();
        }
    }

    @Override
    public void collected(RegionSnapshot snapshot, RuleSet rules, Set<String> onlyTables, AuditRun run) {
        history.appendRun(run);
        if (snapshot.failure() != null) {
            return;
        }
        Instant now = clock.instant();
        Map<String, TableFacts> before = lastFacts.computeIfAbsent(snapshot.target(), t -> new ConcurrentHashMap<>());
        Instant previousSweep = lastSweep.put(snapshot.target(), run.startedAt());
        List<PostureChange> changes = new ArrayList<>();
        Map<String, TableFacts> seen = new HashMap<>();
        for (TableFacts f : snapshot.tables()) {
            seen.put(f.table().arn(), f);
            TableFacts was = before.put(f.table().arn(), f);
            if (was != null) {
                changes.addAll(PostureDiff.between(was, f, now));
            } else if (previousSweep != null && f.creationTime() != null && f.creationTime().isAfter(previousSweep)) {
                // New since the last sweep (not merely first seen, e.g. after a restart or a wider scope).
                changes.addAll(PostureDiff.between(null, f, now));
            } else {
                // First seen by this process (start, wider scope): record its tags so reports can scope by them.
                PostureDiff.tagsFirstSeen(f, now).ifPresent(changes::add);
            }
        }
        for (TableFacts was : List.copyOf(before.values())) {
            if (!seen.containsKey(was.table().arn()) && asked(was, rules, onlyTables)) {
                before.remove(was.table().arn());
                storage.forget(was.table().arn());
                changes.addAll(PostureDiff.between(was, null, now));
            }
        }
        changes.addAll(storage.observe(snapshot.tables(), now));
        if (!changes.isEmpty()) {
            append(List.of(), changes);
        }
    }

    /** When each account-region was last collected: a table created after it is new. */
    private final Map<Target, Instant> lastSweep = new ConcurrentHashMap<>();

    /** Whether this collection would have returned the table if it still existed. */
    private static boolean asked(TableFacts was, RuleSet rules, Set<String> onlyTables) {
        if (onlyTables != null && !onlyTables.contains(was.table().name())) {
            return false;
        }
        for (Rule r : rules.rules()) {
            if (r.scope().matches(was.table(), was.tags())) {
                return true;
            }
        }
        return false;
    }
}
