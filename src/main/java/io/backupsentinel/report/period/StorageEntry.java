package io.backupsentinel.report.period;

import java.time.Instant;

/**
 * The latest backup storage the history recorded for one table before the period's end (the daily posture
 * change of aspect {@code BACKUP_STORAGE}, {@code "pitr=BYTES on_demand=BYTES aws_backup=BYTES export=BYTES"}):
 * bytes held by each recovery source, and the record that says so.
 */
public record StorageEntry(String account, String region, String table, Instant at, long pitrBytes,
                           long onDemandBytes, long awsBackupBytes, long exportBytes, Citation record) {
}
