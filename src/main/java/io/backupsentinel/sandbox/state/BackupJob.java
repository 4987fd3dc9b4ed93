package io.backupsentinel.sandbox.state;

import java.time.Instant;

/** A backup job. {@code state} CREATED, PENDING, RUNNING, ABORTING, ABORTED, COMPLETED, FAILED, EXPIRED or PARTIAL. */
public record BackupJob(String id, String resourceArn, String resourceName, String vaultName, String vaultArn,
                        String recoveryPointArn, String state, String statusMessage, Instant created,
                        Instant completed, long backupSizeBytes, String planId, String planArn, String ruleId,
                        String iamRoleArn) {
}
