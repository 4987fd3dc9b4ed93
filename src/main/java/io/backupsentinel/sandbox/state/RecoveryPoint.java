package io.backupsentinel.sandbox.state;

import java.time.Instant;

/**
 * An AWS Backup recovery point. {@code status} COMPLETED, PARTIAL, DELETING, EXPIRED, AVAILABLE, STOPPED or
 * CREATING. Lifecycle values null mean "never". {@code sourceBackupVaultArn} is set on copies.
 */
public record RecoveryPoint(String arn, String resourceArn, String resourceName, String vaultName, String vaultArn,
                            Instant created, Instant completed, String status, String statusMessage,
                            Long deleteAfterDays, Long moveToColdStorageAfterDays, boolean encrypted,
                            String encryptionKeyArn, String sourceBackupVaultArn, long backupSizeBytes,
                            String planId, String planArn, String ruleId, String iamRoleArn) {
    /** CalculatedLifecycle.DeleteAt, or null when kept forever. */
    public Instant deleteAt() {
        return deleteAfterDays == null ? null : created.plus(java.time.Duration.ofDays(deleteAfterDays));
    }

    public Instant moveToColdStorageAt() {
        return moveToColdStorageAfterDays == null ? null
                : created.plus(java.time.Duration.ofDays(moveToColdStorageAfterDays));
    }
}
