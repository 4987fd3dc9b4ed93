package io.backupsentinel.engine;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Target;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every current finding at one moment, sorted by account, region, table and rule, with its counts: built once
 * when the findings change ({@link FleetView#snapshot()}), then read by any number of requests without sorting
 * again. Immutable.
 */
public final class FleetSnapshot {
    /** The order of {@link #findings()}. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::account)
            .thenComparing(Finding::region).thenComparing(Finding::table).thenComparing(Finding::rule);

    private final Finding[] sorted;
    private final List<Finding> view;
    private final Map<Status, Integer> byStatus;
    private final Map<String, StatusCounts> byRule;
    private final Map<Target, StatusCounts> byTarget;
    private final List<RpoDeadline> deadlines;
    private final Instant builtAt;

    FleetSnapshot(Finding[] findings, List<RpoDeadline> deadlines, Instant builtAt) {
        this.sorted = findings.clone();
        Arrays.sort(sorted, ORDER);
        this.view = Collections.unmodifiableList(Arrays.asList(sorted));
        Map<Status, Integer> status = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            status.put(s, 0);
        }
        Map<String, StatusCounts> rule = new TreeMap<>();
        Map<Target, StatusCounts> target = new TreeMap<>(Comparator.comparing(Target::account).thenComparing(Target::region));
        for (Finding f : sorted) {
            status.merge(f.status(), 1, Integer::sum);
            rule.merge(f.rule(), StatusCounts.NONE.plus(f.status()), (a, b) -> a.plus(f.status()));
            target.merge(new Target(f.account(), f.region()), StatusCounts.NONE.plus(f.status()), (a, b) -> a.plus(f.status()));
        }
        this.byStatus = Collections.unmodifiableMap(status);
        this.byRule = Collections.unmodifiableMap(rule);
        this.byTarget = Collections.unmodifiableMap(target);
        this.deadlines = List.copyOf(deadlines);
        this.builtAt = builtAt;
    }

    /** Every finding in {@link #ORDER}. */
    public List<Finding> findings() {
        return view;
    }

    /** The findings of one table (every rule), found by binary search. */
    public List<Finding> findingsOf(String account, String region, String table) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareTable(sorted[mid], account, region, table) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int end = lo;
        while (end < sorted.length && compareTable(sorted[end], account, region, table) == 0) {
            end++;
        }
        return view.subList(lo, end);
    }

    private static int compareTable(Finding f, String account, String region, String table) {
        int c = f.account().compareTo(account);
        if (c == 0) {
            c = f.region().compareTo(region);
        }
        return c == 0 ? f.table().compareTo(table) : c;
    }

    public Map<Status, Integer> byStatus() {
        return byStatus;
    }

    /** Counts per rule, by rule name. */
    public Map<String, StatusCounts> byRule() {
        return byRule;
    }

    /** Counts per account-region, by account then region. */
    public Map<Target, StatusCounts> byTarget() {
        return byTarget;
    }

    /** Every table under an rpo rule, soonest deadline first; tables without any point (breached) first of all. */
    public List<RpoDeadline> rpoDeadlines() {
        return deadlines;
    }

    public Instant builtAt() {
        return builtAt;
    }
}
