package io.backupsentinel.alert;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Transition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Follows, per account-region, how many findings exist and how many are UNKNOWN (a failed collection's
 * {@code "*"} findings included), to tell when the whole account-region has been blind since when. Counts, not
 * findings, so it stays small at 100,000 tables. Not thread-safe: {@link AlertPolicy} serialises access.
 */
final class BlindWatch {
    /** What changed for one account-region: it went blind (since) or can be seen again. */
    record Change(Target target, boolean blind, Instant since) {
    }

    private static final class State {
        int total;
        int unknown;
        Instant since;
        boolean paged;
        String lastCause;

        boolean blind() {
            return total > 0 && unknown == total;
        }
    }

    private final Map<Target, State> targets = new HashMap<>();

    /** Counts the transitions of one evaluation, then judges each account-region they touched once, at the end. */
    List<Target> apply(List<Transition> transitions) {
        Set<Target> touched = new HashSet<>();
        for (Transition t : transitions) {
            Target target = t.key().target();
            State s = targets.computeIfAbsent(target, k -> new State());
            touched.add(target);
            if (t.previous() != null) {
                // Clamped: a transition for a finding this watch never saw (no restore) must not drive counts negative.
                s.total = Math.max(0, s.total - 1);
                s.unknown = Math.max(0, s.unknown - (t.from() == Status.UNKNOWN ? 1 : 0));
            }
            if (t.current() != null) {
                s.total++;
                if (t.to() == Status.UNKNOWN) {
                    s.unknown++;
                    s.lastCause = t.current().message();
                }
            }
            if (s.blind() && s.since == null) {
                s.since = t.at();
            }
        }
        List<Target> cleared = new ArrayList<>();
        for (Target target : touched) {
            State s = targets.get(target);
            if (!s.blind()) {
                s.since = null;
                if (s.paged) {
                    cleared.add(target);
                    s.paged = false;
                }
                if (s.total <= 0) {
                    targets.remove(target);
                }
            }
        }
        return cleared;
    }

    /** Account-regions blind for at least {@code after} by {@code now} and not paged yet; marks them paged. */
    List<Change> due(Instant now, java.time.Duration after) {
        List<Change> out = new ArrayList<>();
        targets.forEach((target, s) -> {
            if (s.blind() && !s.paged && !s.since.plus(after).isAfter(now)) {
                s.paged = true;
                out.add(new Change(target, true, s.since));
            }
        });
        return out;
    }

    /** The earliest moment an account-region not yet paged becomes blind for {@code after}. */
    Optional<Instant> nextDeadline(java.time.Duration after) {
        return targets.values().stream().filter(s -> s.blind() && !s.paged).map(s -> s.since.plus(after))
                .min(Instant::compareTo);
    }

    int findings(Target target) {
        State s = targets.get(target);
        return s == null ? 0 : s.total;
    }

    String lastCause(Target target) {
        State s = targets.get(target);
        return s == null ? null : s.lastCause;
    }

    /**
     * Rebuilds the counts from the current findings after a restart. Blind since the latest of its UNKNOWN
     * findings' times, and not paged: if it was, PagerDuty folds the repeated trigger into the open incident.
     */
    void restore(Iterable<Finding> current) {
        targets.clear();
        for (Finding f : current) {
            State s = targets.computeIfAbsent(new Target(f.account(), f.region()), k -> new State());
            s.total++;
            if (f.status() == Status.UNKNOWN) {
                s.unknown++;
                if (s.since == null || f.evaluatedAt().isAfter(s.since)) {
                    s.since = f.evaluatedAt();
                    s.lastCause = f.message();
                }
            }
        }
        targets.values().forEach(s -> s.since = s.blind() ? s.since : null);
    }
}
