package io.backupsentinel.sandbox.fault;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link FaultPlan} compiled for the hot path: the limits in force, and the token buckets created so far,
 * one per (account, region, service, operation). Immutable apart from its bucket map; the gate swaps in a
 * new instance when its plan changes, which also starts every bucket afresh.
 */
final class GateRules {
    /** Marks a key that no limit selects, so the search for its limit runs once. */
    private static final TokenBucket UNLIMITED = new TokenBucket(new Limit(Selector.ANY, 1, 1), 0);

    final FaultPlan plan;
    final boolean inert;
    private final List<Limit> limits;
    private final ConcurrentHashMap<Key, TokenBucket> buckets = new ConcurrentHashMap<>();

    GateRules(FaultPlan plan) {
        this.plan = plan;
        this.limits = plan.effectiveLimits();
        this.inert = limits.isEmpty() && plan.latencies().isEmpty() && plan.errorRates().isEmpty()
                && plan.down().isEmpty() && plan.denied().isEmpty();
    }

    /** The bucket for this key, or null when no limit applies to it. */
    TokenBucket bucket(String account, String region, String service, String operation, long nowNanos) {
        if (limits.isEmpty()) {
            return null;
        }
        TokenBucket b = buckets.computeIfAbsent(new Key(account, region, service, operation), k -> {
            Limit l = mostSpecific(limits, k);
            return l == null ? UNLIMITED : new TokenBucket(l, nowNanos);
        });
        return b == UNLIMITED ? null : b;
    }

    /** The limit that applies to a key: the most specific matching one; among equals, the last stated. */
    static Limit mostSpecific(List<Limit> limits, Key k) {
        Limit best = null;
        for (Limit l : limits) {
            if (l.selector().matches(k.account, k.region, k.service, k.operation)
                    && (best == null || l.selector().specificity() >= best.selector().specificity())) {
                best = l;
            }
        }
        return best;
    }

    static boolean any(List<Selector> selectors, String account, String region, String service, String op) {
        for (Selector s : selectors) {
            if (s.matches(account, region, service, op)) {
                return true;
            }
        }
        return false;
    }

    record Key(String account, String region, String service, String operation) {
    }
}
