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
 * {@code words} are what the report quotes of the current finding, only where the {@link Detail} of the query
 * asked for them (e.g. the opening of a violation); elsewhere they are null.
 */
public record FindingChange(FindingKey key, Instant at, Status status, String check, Severity severity, Words words) {

    /** Which changes carry their words: those with one of these statuses or one of these checks. */
    public record Detail(Set<Status> statuses, Set<String> checks) {
        public Detail {
            statuses = Set.copyOf(statuses);
            checks = Set.copyOf(checks);
        }

        boolean wants(Status status, String check) {
            return status != null && (statuses.contains(status) || checks.contains(check));
        }
    }

    /**
     * What a report quotes of a finding: its observed and expected values, its message, and when it was judged.
     * Kept beside the hashed body as columns derived from it (schema version 5, checked by {@code verify --history}),
     * so a report reads no body.
     */
    public record Words(String observed, String expected, String message, Instant evaluatedAt) {
        /** The words of {@code f}; null for no finding. */
        public static Words of(Finding f) {
            return f == null ? null : new Words(f.observed(), f.expected(), f.message(), f.evaluatedAt());
        }
    }
}
