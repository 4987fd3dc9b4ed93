package io.backupsentinel.inventory;

import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.TableRef;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * What one sweep should collect: which kinds of facts (only those the rules in scope read), how far back
 * to list each kind (the rules' per-kind lookbacks: a long retention bound widens the recovery point listing,
 * not the backup jobs'), and which tables are in scope at all (by reference and tags, known after the
 * region's one tag listing), so that tables no rule looks at cost no per-table call.
 *
 * @param lookbacks how far back from now each wanted kind is listed; every kind of {@code facts} has one
 * Each lookback is clamped to {@link #LONGEST_LOOKBACK} (200 years), far beyond any AWS retention.
 */
public record CollectionRequest(Set<FactKind> facts, Map<FactKind, Duration> lookbacks,
                                BiPredicate<TableRef, Map<String, String>> inScope) {
    /** No listing reaches further back than this, so {@code now - lookback} cannot leave the instant range. */
    public static final Duration LONGEST_LOOKBACK = Duration.ofDays(2 * 36_525);

    public CollectionRequest {
        facts = Set.copyOf(facts);
        Map<FactKind, Duration> copy = new EnumMap<>(FactKind.class);
        copy.putAll(lookbacks);
        for (FactKind kind : facts) {
            Duration d = copy.get(kind);
            if (d == null || d.isNegative()) {
                throw new IllegalArgumentException("no lookback for " + kind + " (got " + d + ")");
            }
            if (d.compareTo(LONGEST_LOOKBACK) > 0) {
                copy.put(kind, LONGEST_LOOKBACK);
            }
        }
        lookbacks = Collections.unmodifiableMap(copy);
    }

    /** The same lookback for every kind of {@code facts}. */
    public CollectionRequest(Set<FactKind> facts, Duration lookback, BiPredicate<TableRef, Map<String, String>> inScope) {
        this(facts, same(facts, lookback), inScope);
    }

    /**
     * Every kind a check reads, of every table. The table description is not among them: it feeds the storage
     * estimate, and the daemon asks for it with {@link #plus(FactKind)}.
     */
    public static CollectionRequest everything(Duration lookback) {
        return new CollectionRequest(java.util.EnumSet.complementOf(java.util.EnumSet.of(FactKind.DESCRIPTION)),
                lookback, (t, tags) -> true);
    }

    /** This request, also asking for {@code kind} as it is now (lookback zero); for facts no rule reads. */
    public CollectionRequest plus(FactKind kind) {
        if (facts.contains(kind)) {
            return this;
        }
        Set<FactKind> more = java.util.EnumSet.of(kind);
        more.addAll(facts);
        Map<FactKind, Duration> lookbacks = new EnumMap<>(FactKind.class);
        lookbacks.putAll(this.lookbacks);
        lookbacks.put(kind, Duration.ZERO);
        return new CollectionRequest(more, lookbacks, inScope);
    }

    public boolean wants(FactKind kind) {
        return facts.contains(kind);
    }

    /** How far back from now to list {@code kind}; a kind the request does not want has none. */
    public Duration lookback(FactKind kind) {
        Duration d = lookbacks.get(kind);
        if (d == null) {
            throw new IllegalArgumentException(kind + " is not collected by this request");
        }
        return d;
    }

    private static Map<FactKind, Duration> same(Set<FactKind> kinds, Duration lookback) {
        Map<FactKind, Duration> out = new EnumMap<>(FactKind.class);
        kinds.forEach(k -> out.put(k, lookback));
        return out;
    }
}
