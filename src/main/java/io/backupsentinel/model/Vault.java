package io.backupsentinel.model;

import java.time.Instant;

/**
 * DescribeBackupVault. {@code vaultType} is BACKUP_VAULT, LOGICALLY_AIR_GAPPED_BACKUP_VAULT or
 * RESTORE_ACCESS_BACKUP_VAULT; retention bounds are null when the vault has no lock.
 * {@code encryptionKeyType} is AWS_OWNED_KMS_KEY or CUSTOMER_MANAGED_KMS_KEY (null when AWS did not say).
 */
public record Vault(String name, String arn, boolean locked, Long minRetentionDays, Long maxRetentionDays,
                    Instant lockDate, String encryptionKeyArn, String encryptionKeyType, String vaultType) {
    public String account() {
        return Arns.account(arn);
    }

    public String region() {
        return Arns.region(arn);
    }
}
