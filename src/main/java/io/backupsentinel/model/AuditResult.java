package io.backupsentinel.model;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one audit found: every finding, the account-regions that could not be collected, the AWS calls
 * made by operation, when and how long it ran, and how many tables each rule reached.
 */
public record AuditResult(Instant startedAt, Duration duration, List<Finding> findings,
                          List<CollectionFailure> failures, Map<String, Long> requests, int tables,
                          List<RuleReach> rules) {
    public AuditResult {
        findings = List.copyOf(findings);
        failures = List.copyOf(failures);
        requests = Map.copyOf(requests);
        rules = List.copyOf(rules);
    }

    /** A result that says nothing about the rules' reach (e.g. assembled by a test from findings alone). */
    public AuditResult(Instant startedAt, Duration duration, List<Finding> findings, List<CollectionFailure> failures,
                       Map<String, Long> requests, int tables) {
        this(startedAt, duration, findings, failures, requests, tables, List.of());
    }

    /**
     * Per rule, in the rule set's order, the number of tables it judged: the figure to export as a metric so
     * that a rule whose scope silently stopped matching is seen.
     */
    public Map<String, Integer> tablesByRule() {
        Map<String, Integer> out = new LinkedHashMap<>();
        rules.forEach(r -> out.put(r.rule(), r.tables()));
        return out;
    }

    /** The rules that reached no table without {@code allow_empty: true}; any of them makes the audit fail. */
    public List<String> emptyRules() {
        return rules.stream().filter(RuleReach::emptyWithoutLeave).map(RuleReach::rule).toList();
    }

    public Map<Status, Long> countByStatus() {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        for (Finding f : findings) {
            counts.merge(f.status(), 1L, Long::sum);
        }
        return counts;
    }

    /**
     * The audit command's exit code: 0 all compliant, 1 a finding is NON_COMPLIANT, 2 UNKNOWN, a failure, or a
     * rule that reached no table without leave.
     */
    public int exitCode() {
        Map<Status, Long> counts = countByStatus();
        if (!failures.isEmpty() || counts.get(Status.UNKNOWN) > 0 || !emptyRules().isEmpty()) {
            return 2;
        }
        return counts.get(Status.NON_COMPLIANT) > 0 ? 1 : 0;
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }
}
