package io.backupsentinel.web.chart;

import io.backupsentinel.model.Status;
import io.backupsentinel.model.Transition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a table's finding transitions into status intervals per rule over a period. A rule's status holds from
 * one transition to the next; before its first transition and after it is closed there is no finding, which is
 * left as a gap (shown as "no finding"), never filled in as any status.
 */
public final class Intervals {
    private Intervals() {
    }

    /**
     * The intervals of each rule, keyed by rule name in name order. Transitions before the period set the status
     * the period starts with; transitions at or after its end are ignored. Adjacent intervals of one status merge.
     */
    public static Map<String, List<Interval>> byRule(List<Transition> transitions, TimeRange period) {
        Map<String, List<Transition>> grouped = new TreeMap<>();
        for (Transition t : transitions) {
            grouped.computeIfAbsent(t.key().rule(), r -> new ArrayList<>()).add(t);
        }
        Map<String, List<Interval>> out = new TreeMap<>();
        grouped.forEach((rule, list) -> out.put(rule, of(list, period)));
        return out;
    }

    /** The same, as chart bands, one per rule. */
    public static List<Band> bands(List<Transition> transitions, TimeRange period) {
        List<Band> out = new ArrayList<>();
        byRule(transitions, period).forEach((rule, intervals) -> out.add(new Band(rule, intervals)));
        return out;
    }

    /** One rule's intervals from its transitions (any order). */
    public static List<Interval> of(List<Transition> transitions, TimeRange period) {
        List<Transition> sorted = new ArrayList<>(transitions);
        sorted.sort(Comparator.comparing(Transition::at));
        Status current = null;
        Instant cursor = period.from();
        List<Interval> out = new ArrayList<>();
        for (Transition t : sorted) {
            if (!t.at().isAfter(period.from())) {
                current = t.to();
                continue;
            }
            if (!t.at().isBefore(period.to())) {
                break;
            }
            add(out, cursor, t.at(), current);
            cursor = t.at();
            current = t.to();
        }
        add(out, cursor, period.to(), current);
        return out;
    }

    private static void add(List<Interval> out, Instant from, Instant to, Status status) {
        if (status == null || !to.isAfter(from)) {
            return;
        }
        if (!out.isEmpty()) {
            Interval last = out.get(out.size() - 1);
            if (last.status() == status && last.to().equals(from)) {
                out.set(out.size() - 1, new Interval(last.from(), to, status));
                return;
            }
        }
        out.add(new Interval(from, to, status));
    }
}
