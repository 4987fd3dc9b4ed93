package io.backupsentinel.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One collection and evaluation as the history keeps it: what it covered, how long it took, what it cost
 * and what failed.
 *
 * @param scope     the account-regions collected, e.g. {@code ["111111111111/us-east-1"]}
 * @param rules     the rules evaluated
 * @param requests  AWS requests by operation, failed attempts included
 * @param failures  account-regions that could not be collected, with the cause
 */
public record AuditRun(Instant startedAt, Duration duration, List<String> scope, List<String> rules, int tables,
                       int findings, Map<String, Long> requests, Map<String, String> failures) {
    public AuditRun {
        scope = List.copyOf(scope);
        rules = List.copyOf(rules);
        requests = Map.copyOf(requests);
        failures = Map.copyOf(failures);
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }
}
