package io.backupsentinel.model;

import java.time.Instant;

/**
 * An AWS Backup recovery point of a table. {@code status} is COMPLETED, PARTIAL, DELETING, EXPIRED,
 * AVAILABLE, STOPPED or CREATING. {@code deleteAt} is CalculatedLifecycle.DeleteAt; {@code deleteAfterDays}
 * and {@code moveToColdStorageAfterDays} are the Lifecycle (null when unset, meaning kept forever).
 * {@code sourceBackupVaultArn} is set for copies. {@code sizeBytes} is BackupSizeInBytes (null when AWS did
 * not say): a DynamoDB recovery point is a full copy of the table, so each one is billed for its whole size.
 */
public record RecoveryPoint(String arn, String resourceArn, String vaultName, String vaultArn,
                            Instant created, Instant completed, String status,
                            Long deleteAfterDays, Long moveToColdStorageAfterDays, Instant deleteAt,
                            boolean encrypted, String encryptionKeyArn, String sourceBackupVaultArn, Long sizeBytes) {
    /** A recovery point whose size is not known (the form before sizes were collected). */
    public RecoveryPoint(String arn, String resourceArn, String vaultName, String vaultArn,
                         Instant created, Instant completed, String status,
                         Long deleteAfterDays, Long moveToColdStorageAfterDays, Instant deleteAt,
                         boolean encrypted, String encryptionKeyArn, String sourceBackupVaultArn) {
        this(arn, resourceArn, vaultName, vaultArn, created, completed, status, deleteAfterDays,
                moveToColdStorageAfterDays, deleteAt, encrypted, encryptionKeyArn, sourceBackupVaultArn, null);
    }

    public boolean restorable() {
        return "COMPLETED".equals(status) || "AVAILABLE".equals(status);
    }

    /** The account and region of the vault, taken from its ARN (arn:aws:backup:REGION:ACCOUNT:backup-vault:NAME). */
    public String vaultRegion() {
        return Arns.region(vaultArn);
    }

    public String vaultAccount() {
        return Arns.account(vaultArn);
    }
}
