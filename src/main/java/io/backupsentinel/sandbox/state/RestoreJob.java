package io.backupsentinel.sandbox.state;

import java.time.Instant;

/**
 * A restore job. {@code status} PENDING, RUNNING, COMPLETED, ABORTED or FAILED; {@code validationStatus}
 * SUCCESSFUL, FAILED, TIMED_OUT, VALIDATING or null; {@code deletionStatus} DELETING, FAILED, SUCCESSFUL or
 * null. {@code sourceResourceArn} may be null, as in older AWS responses.
 */
public record RestoreJob(String id, String recoveryPointArn, String sourceResourceArn, String createdResourceArn,
                         String status, String statusMessage, Instant created, Instant completed,
                         String validationStatus, String validationStatusMessage, String deletionStatus,
                         String deletionStatusMessage, String restoreTestingPlanArn, Long expectedCompletionTimeMinutes,
                         String iamRoleArn, long backupSizeBytes) {
}
