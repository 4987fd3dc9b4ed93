package io.backupsentinel.aws;

import io.backupsentinel.model.Fact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups the items of one region-wide listing by the table they belong to, keeping only in-scope tables
 * so that a listing of a big region holds no more than the audit needs. Tables without items share one
 * empty fact. Not thread-safe: one listing fills it.
 */
final class ByTable<T> {
    private final Set<String> inScopeArns;
    private final Map<String, List<T>> items = new HashMap<>();
    private final Fact<List<T>> none = Fact.of(List.of());
    private int dropped;

    ByTable(Set<String> inScopeArns) {
        this.inScopeArns = inScopeArns;
    }

    /** Adds an item of {@code tableArn}; items of other tables (or of none) are dropped and counted. */
    void add(String tableArn, T item) {
        if (tableArn != null && inScopeArns.contains(tableArn)) {
            items.computeIfAbsent(tableArn, k -> new ArrayList<>(2)).add(item);
        } else {
            dropped++;
        }
    }

    Fact<List<T>> factFor(String tableArn) {
        List<T> list = items.get(tableArn);
        return list == null ? none : Fact.of(List.copyOf(list));
    }

    /** Items that belonged to no in-scope table. */
    int dropped() {
        return dropped;
    }
}
