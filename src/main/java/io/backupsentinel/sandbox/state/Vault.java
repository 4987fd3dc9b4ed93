package io.backupsentinel.sandbox.state;

import java.time.Instant;

/**
 * An AWS Backup vault. {@code vaultType} BACKUP_VAULT, LOGICALLY_AIR_GAPPED_BACKUP_VAULT or
 * RESTORE_ACCESS_BACKUP_VAULT. Lock fields are null when the vault has no lock. {@code encryptionKeyType}
 * AWS_OWNED_KMS_KEY or CUSTOMER_MANAGED_KMS_KEY.
 */
public record Vault(String name, String arn, Instant created, String encryptionKeyArn, String encryptionKeyType, String vaultType,
                    boolean locked, Long minRetentionDays, Long maxRetentionDays, Instant lockDate) {
}
