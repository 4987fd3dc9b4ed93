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
 * region's one tag listing), so that tables no rule looks at cost no per-table call. The lookback is clamped to
 * {@link #LONGEST_LOOKBACK} (200 years), far beyond any AWS retention.
 */
public record CollectionRequest(Set<FactKind> facts, Duration lookback,
                                BiPredicate<TableRef, Map<String, String>> inScope) {
    /** No listing reaches further back than this, so {@code now - lookback} cannot leave the instant range. */
    public static final Duration LONGEST_LOOKBACK = Duration.ofDays(2 * 36_525);

    public CollectionRequest {
        facts = Set.copyOf(facts);
        lookback = lookback.isNegative() ? Duration.ZERO
                : lookback.compareTo(LONGEST_LOOKBACK) > 0 ? LONGEST_LOOKBACK : lookback;
    }

    public static CollectionRequest everything(Duration lookback) {
        return new CollectionRequest(Set.of(FactKind.values()), lookback, (t, tags) -> true);
    }

    public boolean wants(FactKind kind) {
        return facts.contains(kind);
    }
}
