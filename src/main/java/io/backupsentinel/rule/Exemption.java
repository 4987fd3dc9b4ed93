package io.backupsentinel.rule;

import io.backupsentinel.model.TableRef;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A documented, approved exception to one rule for some tables, until a date. Empty {@code accounts} or
 * {@code regions} mean any. The exemption stops applying at 00:00 UTC on {@code expires}: it never lasts longer
 * than the date written, so an audit on that day already evaluates the table normally.
 */
public record Exemption(String rule, List<Glob> accounts, List<Glob> regions, List<Glob> tables, String reason,
                        String approver, LocalDate expires, Where where) {
    public Exemption {
        accounts = List.copyOf(accounts);
        regions = List.copyOf(regions);
        tables = List.copyOf(tables);
    }

    /** Whether this exemption names the rule and covers the table, whatever the date. */
    public boolean appliesTo(Rule rule, TableRef table) {
        return this.rule.equals(rule.name())
                && Scope.anyOrEmpty(accounts, table.account())
                && Scope.anyOrEmpty(regions, table.region())
                && !tables.isEmpty() && Scope.anyOrEmpty(tables, table.name());
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt());
    }

    /** The first instant at which the exemption no longer applies: the start of its expiry day, UTC. */
    public Instant expiresAt() {
        return expires.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
