package io.backupsentinel.model;

import java.time.Instant;

/**
 * A DynamoDB backup from ListBackups. {@code status} is CREATING, AVAILABLE or DELETED; {@code type} is
 * USER, SYSTEM or AWS_BACKUP. {@code expiry} is BackupExpiryDateTime (null when none).
 */
public record OnDemandBackup(String arn, String name, Instant created, String status, String type,
                             Long sizeBytes, Instant expiry) {
    public boolean available() {
        return "AVAILABLE".equals(status);
    }
}
