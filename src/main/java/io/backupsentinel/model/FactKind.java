package io.backupsentinel.model;

/**
 * A kind of fact the collector can gather; checks declare which they read so a sweep collects only those.
 * {@link #DESCRIPTION} (DescribeTable: size, keys, capacity) is asked for by the daemon for the storage
 * estimate, not by a check; the collector reads it at most once a day per table.
 */
public enum FactKind {
    PITR, ON_DEMAND_BACKUPS, RECOVERY_POINTS, EXPORTS, PLANS, VAULTS, BACKUP_JOBS, COPY_JOBS, RESTORE_JOBS,
    DESCRIPTION
}
