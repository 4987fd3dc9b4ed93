package io.backupsentinel.sandbox.state;

import java.time.Instant;

/**
 * A DynamoDB backup as ListBackups and DescribeBackup show it. {@code status} CREATING, AVAILABLE or DELETED;
 * {@code type} USER, SYSTEM or AWS_BACKUP. {@code availableAt} is when a CREATING backup becomes AVAILABLE.
 */
public record DdbBackup(String arn, String name, String tableName, String tableArn, String tableId,
                        Instant created, Instant availableAt, String status, String type, long sizeBytes,
                        Instant expiry) {
    public String status(Instant now) {
        if ("CREATING".equals(status) && availableAt != null && !now.isBefore(availableAt)) {
            return "AVAILABLE";
        }
        return status;
    }
}
