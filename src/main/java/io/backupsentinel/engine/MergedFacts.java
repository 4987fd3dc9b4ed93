package io.backupsentinel.engine;

import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.Target;
import io.backupsentinel.rule.RuleSet;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every table's latest facts of every kind, merged across the collections made for different rules (each asks
 * only for some kinds, see {@link FactsMerge}); a table that a collection should have returned, but did not,
 * is gone. Thread-safe; shared shape of what {@link MetricsSink} and {@link FleetView} keep.
 */
final class MergedFacts {
    /** account-region → table name → facts. */
    private final Map<Target, Map<String, TableFacts>> byTarget = new ConcurrentHashMap<>();

    /**
     * Merges one collection's tables; returns the account-region's tables after it. A failed collection
     * changes nothing (the last facts stay, their ages growing).
     */
    List<TableFacts> apply(RegionSnapshot snapshot, RuleSet asked, Set<String> onlyTables) {
        Map<String, TableFacts> tables = byTarget.computeIfAbsent(snapshot.target(), t -> new ConcurrentHashMap<>());
        if (snapshot.failure() != null) {
            return List.copyOf(tables.values());
        }
        Set<String> seen = new HashSet<>();
        for (TableFacts f : snapshot.tables()) {
            seen.add(f.table().name());
            tables.merge(f.table().name(), f, FactsMerge::merge);
        }
        tables.values().removeIf(t -> !seen.contains(t.table().name())
                && (onlyTables == null || onlyTables.contains(t.table().name()))
                && asked.rules().stream().anyMatch(r -> r.scope().matches(t.table(), t.tags())));
        return List.copyOf(tables.values());
    }

    /** The facts of one table; null when it was never collected. */
    TableFacts get(Target target, String table) {
        Map<String, TableFacts> tables = byTarget.get(target);
        return tables == null ? null : tables.get(table);
    }

    /** The account-regions held. */
    Set<Target> targets() {
        return byTarget.keySet();
    }

    /** A copy of one account-region's tables. */
    List<TableFacts> tables(Target target) {
        Map<String, TableFacts> tables = byTarget.get(target);
        return tables == null ? List.of() : List.copyOf(tables.values());
    }

    /** A copy of every table's facts. */
    List<TableFacts> all() {
        List<TableFacts> out = new ArrayList<>();
        byTarget.values().forEach(t -> out.addAll(t.values()));
        return out;
    }
}
