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
    public static final Comparator<Finding> ORDER = FleetSnapshot::compare;

    private final Finding[] sorted;
    private final List<Finding> view;
    private final Map<Status, Integer> byStatus;
    private final Map<String, StatusCounts> byRule;
    private final Map<Target, StatusCounts> byTarget;
    private final List<RpoDeadline> deadlines;
    private final Instant builtAt;

    FleetSnapshot(List<Part> parts, List<RpoDeadline> deadlines, Instant builtAt) {
        this.sorted = merge(parts);
        this.view = Collections.unmodifiableList(Arrays.asList(sorted));
        Map<Status, Integer> status = new EnumMap<>(Status.class);
        Map<String, StatusCounts> rule = new TreeMap<>();
        Map<Target, StatusCounts> target = new TreeMap<>(Comparator.comparing(Target::account).thenComparing(Target::region));
        for (Part p : parts) {
            rule.merge(p.rule(), p.counts(), StatusCounts::plus);
            target.merge(p.target(), p.counts(), StatusCounts::plus);
        }
        StatusCounts all = StatusCounts.NONE;
        for (StatusCounts c : rule.values()) {
            all = all.plus(c);
        }
        for (Status s : Status.values()) {
            status.put(s, all.of(s));
        }
        this.byStatus = Collections.unmodifiableMap(status);
        this.byRule = Collections.unmodifiableMap(rule);
        this.byTarget = Collections.unmodifiableMap(target);
        this.deadlines = List.copyOf(deadlines);
        this.builtAt = builtAt;
    }

    /**
     * The findings of one (rule, account-region), sorted in {@link #ORDER} and counted when they were evaluated,
     * so that a snapshot only merges the parts (a k-way merge, no full sort on the request's thread).
     */
    record Part(String rule, Target target, Finding[] sorted, StatusCounts counts) {
        static Part of(List<Finding> findings) {
            Finding[] a = findings.toArray(Finding[]::new);
            Arrays.sort(a, ORDER);
            StatusCounts c = StatusCounts.NONE;
            for (Finding f : a) {
                c = c.plus(f.status());
            }
            Finding first = a[0];
            return new Part(first.rule(), new Target(first.account(), first.region()), a, c);
        }
    }

    /** Merges sorted parts into one sorted array with a heap of cursors, one per part. */
    private static Finding[] merge(List<Part> parts) {
        int total = 0;
        for (Part p : parts) {
            total += p.sorted().length;
        }
        Finding[] out = new Finding[total];
        java.util.PriorityQueue<int[]> heap = new java.util.PriorityQueue<>(Math.max(1, parts.size()),
                (a, b) -> ORDER.compare(parts.get(a[0]).sorted()[a[1]], parts.get(b[0]).sorted()[b[1]]));
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).sorted().length > 0) {
                heap.add(new int[]{i, 0});
            }
        }
        int n = 0;
        while (!heap.isEmpty()) {
            int[] c = heap.poll();
            Finding[] part = parts.get(c[0]).sorted();
            out[n++] = part[c[1]];
            if (++c[1] < part.length) {
                heap.add(c);
            }
        }
        return out;
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

    private static int compare(Finding a, Finding b) {
        int c = compareTable(a, b.account(), b.region(), b.table());
        return c != 0 ? c : a.rule().compareTo(b.rule());
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

    /**
     * Every table under an rpo rule, soonest deadline first; tables without any known point first of all: those
     * with every source read (breached) before those with a source unknown.
     */
    public List<RpoDeadline> rpoDeadlines() {
        return deadlines;
    }

    public Instant builtAt() {
        return builtAt;
    }
}
