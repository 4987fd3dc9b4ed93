package io.backupsentinel.model;

/** A kind of fact the collector can gather; checks declare which they read so a sweep collects only those. */
public enum FactKind {
    PITR, ON_DEMAND_BACKUPS, RECOVERY_POINTS, EXPORTS, PLANS, VAULTS, BACKUP_JOBS, COPY_JOBS, RESTORE_JOBS
}
