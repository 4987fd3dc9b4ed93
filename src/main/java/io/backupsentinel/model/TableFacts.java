package io.backupsentinel.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything collected about one table in one sweep. Each {@link Fact} is collected independently, so a
 * throttled or denied call makes only the facts it would have produced unknown. Plans and vaults belong
 * to the table's account-region and are shared between the tables of that region. {@code description} is
 * DescribeTable's answer, read at most daily (its size drives the PITR storage estimate).
 */
public record TableFacts(
        TableRef table,
        Map<String, String> tags,
        String tableStatus,
        Instant creationTime,
        Fact<PitrState> pitr,
        Fact<List<OnDemandBackup>> onDemandBackups,
        Fact<List<RecoveryPoint>> recoveryPoints,
        Fact<List<ExportRecord>> exports,
        Fact<List<BackupPlan>> plans,
        Fact<Map<String, Vault>> vaults,
        Fact<List<BackupJob>> backupJobs,
        Fact<List<CopyJob>> copyJobs,
        Fact<List<RestoreJob>> restoreJobs,
        Fact<TableDescription> description,
        Instant collectedAt) {
    /** Facts without a table description (the form before descriptions were collected). */
    public TableFacts(TableRef table, Map<String, String> tags, String tableStatus, Instant creationTime,
                      Fact<PitrState> pitr, Fact<List<OnDemandBackup>> onDemandBackups,
                      Fact<List<RecoveryPoint>> recoveryPoints, Fact<List<ExportRecord>> exports,
                      Fact<List<BackupPlan>> plans, Fact<Map<String, Vault>> vaults, Fact<List<BackupJob>> backupJobs,
                      Fact<List<CopyJob>> copyJobs, Fact<List<RestoreJob>> restoreJobs, Instant collectedAt) {
        this(table, tags, tableStatus, creationTime, pitr, onDemandBackups, recoveryPoints, exports, plans, vaults,
                backupJobs, copyJobs, restoreJobs, NO_DESCRIPTION, collectedAt);
    }

    private static final Fact<TableDescription> NO_DESCRIPTION = Fact.notCollected("table descriptions");
}
