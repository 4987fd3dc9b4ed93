package io.backupsentinel.engine;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one audit found: every finding, the account-regions that could not be collected, the AWS calls
 * made by operation, and when and how long it ran.
 */
public record AuditResult(Instant startedAt, Duration duration, List<Finding> findings,
                          List<CollectionFailure> failures, Map<String, Long> requests, int tables) {
    public AuditResult {
        findings = List.copyOf(findings);
        failures = List.copyOf(failures);
        requests = Map.copyOf(requests);
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

    /** The audit command's exit code: 0 all compliant, 1 a finding is NON_COMPLIANT, 2 UNKNOWN or a failure. */
    public int exitCode() {
        Map<Status, Long> counts = countByStatus();
        if (!failures.isEmpty() || counts.get(Status.UNKNOWN) > 0) {
            return 2;
        }
        return counts.get(Status.NON_COMPLIANT) > 0 ? 1 : 0;
    }

    public long totalRequests() {
        return requests.values().stream().mapToLong(Long::longValue).sum();
    }
}
