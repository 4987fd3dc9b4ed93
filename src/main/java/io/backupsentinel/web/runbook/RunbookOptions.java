package io.backupsentinel.web.runbook;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Choices the reader can make on the table page, and how plan coverage is decided.
 *
 * @param restoreTo the point in time to restore to with PITR; empty means the latest restorable time
 * @param coverage  which plan selections cover the table (for the AWS Backup restore role)
 */
public record RunbookOptions(Optional<Instant> restoreTo, PlanCoverage coverage) {
    public RunbookOptions {
        Objects.requireNonNull(restoreTo, "restoreTo");
        Objects.requireNonNull(coverage, "coverage");
    }

    /** Restore to the latest restorable time; plan coverage unknown. */
    public static RunbookOptions defaults() {
        return new RunbookOptions(Optional.empty(), PlanCoverage.UNKNOWN);
    }

    public RunbookOptions withRestoreTo(Instant at) {
        return new RunbookOptions(Optional.of(at), coverage);
    }

    public RunbookOptions withCoverage(PlanCoverage c) {
        return new RunbookOptions(restoreTo, c);
    }
}
