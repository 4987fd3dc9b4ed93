package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.state.CopyJob;
import io.backupsentinel.sandbox.state.RecoveryPoint;

import java.time.Instant;
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
        String resourceArn = call.query("resourceArn");
        String state = call.queryEnum("state", STATES);
        Instant createdBefore = call.queryTime("createdBefore");
        Instant createdAfter = call.queryTime("createdAfter");
        String resourceType = call.query("resourceType", BackupCall.RESOURCE_TYPE);
        String destination = call.query("destinationVaultArn");
        String account = JobRules.accountFilter(call, false);
        Instant completeBefore = call.queryTime("completeBefore");
        Instant completeAfter = call.queryTime("completeAfter");
        String parentJob = call.query("parentJobId");
        String category = call.query("messageCategory");
        String sourcePoint = call.query("sourceRecoveryPointArn");
        String own = call.region().account();
        Instant now = call.now();
        List<CopyJob> jobs = call.region().copyJobs().stream()
                .filter(j -> JobRules.withinWindow(j.created(), now))
                .filter(j -> resourceArn == null || resourceArn.equals(j.resourceArn()))
                .filter(j -> state == null || state.equals(j.state()))
                .filter(j -> createdBefore == null || j.created().isBefore(createdBefore))
                .filter(j -> createdAfter == null || j.created().isAfter(createdAfter))
                .filter(j -> resourceType == null || resourceType.equals(ResourceArns.type(j.resourceArn())))
                .filter(j -> destination == null || destination.equals(j.destinationVaultArn()))
                .filter(j -> JobRules.accountMatches(account, own))
                .filter(j -> completeBefore == null || j.completed() != null && j.completed().isBefore(completeBefore))
                .filter(j -> completeAfter == null || j.completed() != null && j.completed().isAfter(completeAfter))
                .filter(j -> parentJob == null)
                .filter(j -> JobRules.categoryMatches(category, JobRules.messageCategory(j.state(), j.statusMessage())))
                .filter(j -> sourcePoint == null || sourcePoint.equals(j.sourceRecoveryPointArn()))
                .toList();
        Page<CopyJob> page = call.page(PageParams.LOWER, jobs, j -> BackupCall.newestFirst(j.created(), j.id()));
        RegionView view = call.view();
        ObjectNode out = Wire.object();
        ArrayNode list = out.putArray("CopyJobs");
        page.items().forEach(j -> list.add(json(j, view)));
        Wire.put(out, "NextToken", page.nextToken());
        return out;
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
