package io.backupsentinel.sandbox.state;

import java.time.Instant;

/** A copy job. {@code state} CREATED, RUNNING, COMPLETED, FAILED or PARTIAL. */
public record CopyJob(String id, String resourceArn, String resourceName, String sourceVaultArn,
                      String sourceRecoveryPointArn, String destinationVaultArn, String destinationRecoveryPointArn,
                      String state, String statusMessage, Instant created, Instant completed, long backupSizeBytes,
                      String iamRoleArn) {
}
