package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.state.CopyJob;
import io.backupsentinel.sandbox.state.RecoveryPoint;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ListCopyJobs: copy jobs of the source region created in the last 30 days, newest first, with every
 * documented filter. CreatedBy comes from the source recovery point's plan.
 */
final class CopyJobOperations {
    static final Set<String> STATES = Set.of("CREATED", "RUNNING", "COMPLETED", "FAILED", "PARTIAL");

    private CopyJobOperations() {
    }

    static void register(Map<String, Operation> ops) {
        ops.put("ListCopyJobs", CopyJobOperations::list);
    }

    static ObjectNode list(BackupCall call) {
        JobFilter filter = JobFilter.read(call, STATES, false);
        String destination = call.query("destinationVaultArn");
        String sourcePoint = call.query("sourceRecoveryPointArn");
        List<CopyJob> jobs = call.region().copyJobs().stream()
                .filter(j -> filter.matches(j.resourceArn(), j.state(), j.statusMessage(), j.created(), j.completed()))
                .filter(j -> destination == null || destination.equals(j.destinationVaultArn()))
                .filter(j -> sourcePoint == null || sourcePoint.equals(j.sourceRecoveryPointArn()))
                .toList();
        RegionView view = call.view();
        return call.listResponse(PageParams.LOWER, jobs, j -> BackupCall.newestFirst(j.created(), j.id()),
                "CopyJobs", j -> json(j, view));
    }

    private static ObjectNode json(CopyJob j, RegionView view) {
        ObjectNode n = Wire.object();
        n.put("AccountId", view.region().account());
        n.put("CopyJobId", j.id());
        Wire.put(n, "SourceBackupVaultArn", j.sourceVaultArn());
        Wire.put(n, "SourceRecoveryPointArn", j.sourceRecoveryPointArn());
        Wire.put(n, "DestinationBackupVaultArn", j.destinationVaultArn());
        Wire.put(n, "DestinationRecoveryPointArn", j.destinationRecoveryPointArn());
        n.put("ResourceArn", j.resourceArn());
        Wire.put(n, "CreationDate", j.created());
        Wire.put(n, "CompletionDate", j.completed());
        n.put("State", j.state());
        Wire.put(n, "StatusMessage", j.statusMessage());
        n.put("BackupSizeInBytes", j.backupSizeBytes());
        Wire.put(n, "IamRoleArn", j.iamRoleArn());
        view.recoveryPoint(j.sourceRecoveryPointArn())
                .ifPresent((RecoveryPoint rp) -> CreatedBy.put(n, rp.planId(), rp.planArn(), rp.ruleId(), view));
        Wire.put(n, "ResourceType", ResourceArns.type(j.resourceArn()));
        Wire.put(n, "ResourceName", j.resourceName() != null ? j.resourceName() : ResourceArns.name(j.resourceArn()));
        n.put("IsParent", false);
        Wire.put(n, "MessageCategory", JobRules.messageCategory(j.state(), j.statusMessage()));
        return n;
    }
}
