package io.backupsentinel.store;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;

import java.time.Instant;
import java.util.Set;

/**
 * A transition as a period report reads it, from the indexed columns instead of the body: the finding's key,
 * the instant, and the current status, check and severity ({@code status} null: the finding was closed).
 * {@code finding} is the whole current finding only where the {@link Detail} of the query asked for it
 * (e.g. the opening of a violation, whose words a report quotes); elsewhere it is null.
 */
public record FindingChange(FindingKey key, Instant at, Status status, String check, Severity severity, Finding finding) {

    /** Which changes carry their whole finding: those with one of these statuses or one of these checks. */
    public record Detail(Set<Status> statuses, Set<String> checks) {
        public Detail {
            statuses = Set.copyOf(statuses);
            checks = Set.copyOf(checks);
        }

        boolean wants(Status status, String check) {
            return status != null && (statuses.contains(status) || checks.contains(check));
        }
    }
}
