package io.backupsentinel.model;

import java.time.Instant;

/** An AWS Backup backup job. {@code state} is CREATED, PENDING, RUNNING, COMPLETED, FAILED, ABORTED, EXPIRED, PARTIAL... */
public record BackupJob(String id, String resourceArn, String state, Instant created, Instant completed,
                        String statusMessage, String vaultName, String recoveryPointArn) {
}
