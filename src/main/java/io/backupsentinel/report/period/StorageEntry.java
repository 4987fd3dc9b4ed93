package io.backupsentinel.report.period;

import java.time.Instant;

/**
 * The latest backup storage the history recorded for one table before the period's end (the daily posture
 * change of aspect {@code BACKUP_STORAGE}, {@code "pitr=BYTES on_demand=BYTES aws_backup=BYTES export=BYTES"}):
 * bytes held by each recovery source, null for a source whose size was unknown (the record leaves it out),
 * and the record that says so.
 */
public record StorageEntry(String account, String region, String table, Instant at, Long pitrBytes,
                           Long onDemandBytes, Long awsBackupBytes, Long exportBytes, Citation record) {
}
