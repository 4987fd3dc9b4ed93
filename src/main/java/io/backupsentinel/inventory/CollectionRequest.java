package io.backupsentinel.inventory;

import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.TableRef;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What one sweep should collect: which kinds of facts (only those the rules in scope read), how far back
 * to list backups and jobs, and which tables are in scope at all (by reference and tags, known after the
 * region's one tag listing), so that tables no rule looks at cost no per-table call.
 */
public record CollectionRequest(Set<FactKind> facts, Duration lookback,
                                BiPredicate<TableRef, Map<String, String>> inScope) {
    public CollectionRequest {
        facts = Set.copyOf(facts);
    }

    public static CollectionRequest everything(Duration lookback) {
        return new CollectionRequest(Set.of(FactKind.values()), lookback, (t, tags) -> true);
    }

    public boolean wants(FactKind kind) {
        return facts.contains(kind);
    }
}
