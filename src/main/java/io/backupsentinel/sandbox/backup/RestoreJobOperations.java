package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.RestoreJob;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ListRestoreJobs (newest first, with every documented filter) and DescribeRestoreJob. SourceResourceArn
 * is sent only when the state has it, as older AWS responses omit it; ResourceType, BackupVaultArn and
 * RecoveryPointCreationDate come from the job's recovery point.
 */
final class RestoreJobOperations {
    static final Set<String> STATUSES = Set.of("PENDING", "RUNNING", "COMPLETED", "ABORTED", "FAILED");

    private RestoreJobOperations() {
    }

    static void register(Map<String, Operation> ops) {
        ops.put("ListRestoreJobs", RestoreJobOperations::list);
        ops.put("DescribeRestoreJob", RestoreJobOperations::describe);
    }

    static ObjectNode list(BackupCall call) {
        String account = JobRules.accountFilter(call, false);
        String resourceType = call.query("resourceType", BackupCall.RESOURCE_TYPE);
        Instant createdBefore = call.queryTime("createdBefore");
        Instant createdAfter = call.queryTime("createdAfter");
        String status = call.queryEnum("status", STATUSES);
        Instant completeBefore = call.queryTime("completeBefore");
        Instant completeAfter = call.queryTime("completeAfter");
        String testingPlan = call.query("restoreTestingPlanArn");
        String parentJob = call.query("parentJobId");
        RegionView view = call.view();
        String own = call.region().account();
        List<RestoreJob> jobs = call.region().restoreJobs().values().stream()
                .filter(j -> JobRules.accountMatches(account, own))
                .filter(j -> resourceType == null || resourceType.equals(view.resourceTypeOf(j)))
                .filter(j -> JobRules.between(j.created(), createdAfter, createdBefore))
                .filter(j -> status == null || status.equals(j.status()))
                .filter(j -> JobRules.between(j.completed(), completeAfter, completeBefore))
                .filter(j -> testingPlan == null || testingPlan.equals(j.restoreTestingPlanArn()))
                .filter(j -> parentJob == null)
                .toList();
        return call.listResponse(PageParams.LOWER, jobs, j -> BackupCall.newestFirst(j.created(), j.id()),
                "RestoreJobs", j -> json(j, view));
    }

    static ObjectNode describe(BackupCall call) {
        String id = call.label("restoreJobId");
        RestoreJob job = call.region().restoreJobs().get(id);
        if (job == null) {
            throw BackupErrors.resourceNotFound("RestoreJobId", "Restore job " + id + " does not exist in account "
                    + call.context().account() + " region " + call.context().regionName());
        }
        return json(job, call.view());
    }

    private static ObjectNode json(RestoreJob j, RegionView view) {
        ObjectNode n = Wire.object();
        Optional<RecoveryPoint> rp = view.recoveryPoint(j.recoveryPointArn());
        n.put("AccountId", view.region().account());
        n.put("RestoreJobId", j.id());
        n.put("RecoveryPointArn", j.recoveryPointArn());
        Wire.put(n, "SourceResourceArn", j.sourceResourceArn());
        rp.ifPresent(p -> n.put("BackupVaultArn", p.vaultArn()));
        Wire.put(n, "CreationDate", j.created());
        Wire.put(n, "CompletionDate", j.completed());
        n.put("Status", j.status());
        Wire.put(n, "StatusMessage", j.statusMessage());
        if ("COMPLETED".equals(j.status())) {
            n.put("PercentDone", "100.00%");
        }
        n.put("BackupSizeInBytes", j.backupSizeBytes());
        Wire.put(n, "IamRoleArn", j.iamRoleArn());
        Wire.put(n, "ExpectedCompletionTimeMinutes", j.expectedCompletionTimeMinutes());
        Wire.put(n, "CreatedResourceArn", j.createdResourceArn());
        Wire.put(n, "ResourceType", view.resourceTypeOf(j));
        rp.ifPresent(p -> Wire.put(n, "RecoveryPointCreationDate", p.created()));
        if (j.restoreTestingPlanArn() != null) {
            n.putObject("CreatedBy").put("RestoreTestingPlanArn", j.restoreTestingPlanArn());
        }
        Wire.put(n, "ValidationStatus", j.validationStatus());
        Wire.put(n, "ValidationStatusMessage", j.validationStatusMessage());
        Wire.put(n, "DeletionStatus", j.deletionStatus());
        Wire.put(n, "DeletionStatusMessage", j.deletionStatusMessage());
        n.put("IsParent", false);
        return n;
    }
}
