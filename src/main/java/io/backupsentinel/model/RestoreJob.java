package io.backupsentinel.model;

import java.time.Instant;

/**
 * An AWS Backup restore job, linked to its source table through SourceResourceArn or, where that is
 * absent, through its recovery point. {@code status} is PENDING, RUNNING, COMPLETED, ABORTED or FAILED;
 * {@code validationStatus} is SUCCESSFUL, FAILED, TIMED_OUT or VALIDATING (null when never validated).
 * {@code restoreTestingPlanArn} is set for jobs started by restore testing.
 */
public record RestoreJob(String id, String sourceResourceArn, String recoveryPointArn, String status,
                         Instant created, Instant completed, String statusMessage, String validationStatus,
                         String validationStatusMessage, String createdResourceArn, String restoreTestingPlanArn) {
}
