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

    @Override
    public String toString() {
        return rule + " " + account + "/" + region + "/" + table;
    }
}
