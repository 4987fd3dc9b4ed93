package io.backupsentinel.model;

import java.time.Instant;

/** An AWS Backup copy job. {@code state} is CREATED, RUNNING, COMPLETED, FAILED or PARTIAL. */
public record CopyJob(String id, String resourceArn, String state, Instant created, Instant completed,
                      String statusMessage, String sourceVaultArn, String destinationVaultArn) {
    public String destinationRegion() {
        return Arns.region(destinationVaultArn);
    }

    public String destinationAccount() {
        return Arns.account(destinationVaultArn);
    }
}
