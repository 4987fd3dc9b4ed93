package io.backupsentinel.model;

import java.util.Objects;

/**
 * What a finding is about: one rule on one table. Findings of the same key over time form that key's
 * history; the daemon keeps one current status per key. {@code table} is {@code "*"} for a finding about a
 * whole account-region that could not be listed.
 */
public record FindingKey(String rule, String account, String region, String table) {
    public FindingKey {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(table, "table");
    }

    public static FindingKey of(Finding f) {
        return new FindingKey(f.rule(), f.account(), f.region(), f.table());
    }

    public Target target() {
        return new Target(account, region);
    }

    /**
     * Written out rather than left to the record's generated method: a report looks a key up for each of a few
     * hundred thousand transitions, and the generated one is slow until the JIT has inlined it. Same result as
     * the generated one (each component's hash, folded in declaration order by 31).
     */
    @Override
    public int hashCode() {
        return ((rule.hashCode() * 31 + account.hashCode()) * 31 + region.hashCode()) * 31 + table.hashCode();
    }

    @Override
    public boolean equals(Object o) {
        // The table first: it is what most often differs between keys that share a hash bucket.
        return this == o || o instanceof FindingKey k && table.equals(k.table) && rule.equals(k.rule)
                && account.equals(k.account) && region.equals(k.region);
    }

    @Override
    public String toString() {
        return rule + " " + account + "/" + region + "/" + table;
    }
}
