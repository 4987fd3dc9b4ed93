package io.backupsentinel.alert;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.OutboxEvent;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Transition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides what to page: turns each evaluation's finding transitions into PagerDuty outbox events, which the engine
 * stores in the same transaction as the transitions.
 * <ul>
 * <li>A finding that becomes NON_COMPLIANT triggers when its rule is at or above the minimum severity or its check
 * pages whatever the severity.</li>
 * <li>UNKNOWN never pages and never resolves: a NON_COMPLIANT finding that turns UNKNOWN keeps its incident open,
 * and the COMPLIANT, EXEMPT or closed finding that follows resolves it.</li>
 * <li>When every finding of an account-region has been UNKNOWN for {@code blindAfter}, one "audit blind" event
 * triggers for it, resolved when it can be seen again.</li>
 * </ul>
 * It remembers which (rule, table)s it paged for; {@link #restore} rebuilds that after a restart. Thread-safe.
 */
public final class AlertPolicy {
    private final PagerDutySettings settings;
    private final PagerDutyEvents events;
    private final Set<FindingKey> paged = new HashSet<>();
    private final BlindWatch blind = new BlindWatch();

    public AlertPolicy(PagerDutySettings settings) {
        this.settings = settings;
        this.events = new PagerDutyEvents(settings);
    }

    /**
     * The events that one evaluation's transitions cause, plus any "audit blind" event whose time has come by
     * {@code now}. Call it after every evaluation, with an empty list when nothing changed, or at
     * {@link #nextDeadline()}; store the result with the transitions. Empty when paging is disabled.
     */
    public synchronized List<OutboxEvent> decide(List<Transition> transitions, Instant now) {
        List<OutboxEvent> out = new ArrayList<>();
        for (Transition t : transitions) {
            judge(t, now).ifPresent(out::add);
        }
        for (Target seen : blind.apply(transitions)) {
            out.add(events.resolve(DedupKeys.blind(settings.deployment(), seen), now));
        }
        if (settings.blindEvents()) {
            for (BlindWatch.Change c : blind.due(now, settings.blindAfter())) {
                out.add(events.blind(c.target(), DedupKeys.blind(settings.deployment(), c.target()), c.since(),
                        blind.findings(c.target()), blind.lastCause(c.target()), now));
            }
        }
        return settings.enabled() ? out : List.of();
    }

    /** When the next "audit blind" event falls due with no further transition; empty if none is pending. */
    public synchronized Optional<Instant> nextDeadline() {
        return settings.enabled() && settings.blindEvents() ? blind.nextDeadline(settings.blindAfter())
                : Optional.empty();
    }

    /**
     * Rebuilds the policy's memory from the history's current findings at start, when the outbox cannot say which
     * incidents are open. A paging finding that is NON_COMPLIANT has an open incident; one that is UNKNOWN may
     * have, so its return to COMPLIANT resolves (PagerDuty drops a resolve for an incident that is not open, but
     * after a restart during a long outage that can be many resolves: prefer {@link #restore(Map, Set)}).
     */
    public synchronized void restore(Map<FindingKey, Finding> current) {
        restore(current, null);
    }

    /**
     * Rebuilds the policy's memory from the current findings and the dedup keys whose latest outbox event is a
     * trigger ({@code triggered}), which says exactly which incidents are open: a NON_COMPLIANT or UNKNOWN finding
     * with such a key resolves when it recovers, also when a settings change no longer makes it page.
     */
    public synchronized void restore(Map<FindingKey, Finding> current, Set<String> triggered) {
        paged.clear();
        current.forEach((key, f) -> {
            boolean open = f.status() == Status.NON_COMPLIANT || f.status() == Status.UNKNOWN;
            boolean pages = settings.pages(f.severity(), f.check());
            boolean known = triggered != null && triggered.contains(dedupKey(key, f));
            if (open && (known || pages && (triggered == null || f.status() == Status.NON_COMPLIANT))) {
                paged.add(key);
            }
        });
        blind.restore(current.values());
    }

    /** How many (rule, table)s have an open incident, as far as this policy knows. */
    public synchronized int openIncidents() {
        return paged.size();
    }

    private Optional<OutboxEvent> judge(Transition t, Instant now) {
        FindingKey key = t.key();
        Finding latest = t.latest();
        Status to = t.to();
        if (to == Status.NON_COMPLIANT && settings.pages(latest.severity(), latest.check())) {
            // A repeated NON_COMPLIANT (details changed) of an incident already open does not page again.
            boolean fresh = t.from() != Status.NON_COMPLIANT || !paged.contains(key);
            paged.add(key);
            return fresh ? Optional.of(events.trigger(latest, dedupKey(key, latest), now)) : Optional.empty();
        }
        if ((to == null || to == Status.COMPLIANT || to == Status.EXEMPT) && paged.remove(key)) {
            return Optional.of(events.resolve(dedupKey(key, latest), now));
        }
        return Optional.empty();
    }

    private String dedupKey(FindingKey key, Finding f) {
        return DedupKeys.finding(settings.deployment(), key, f.tableArn());
    }
}
