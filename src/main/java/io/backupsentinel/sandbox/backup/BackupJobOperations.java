package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.state.BackupJob;
import io.backupsentinel.sandbox.state.RecoveryPoint;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ListBackupJobs (jobs created in the last 30 days, newest first, with every documented filter) and
 * DescribeBackupJob (any job, whatever its age). Sandbox jobs have no parent jobs, so ByParentJobId matches
 * none.
 */
final class BackupJobOperations {
    static final Set<String> STATES =
            Set.of("CREATED", "PENDING", "RUNNING", "ABORTING", "ABORTED", "COMPLETED", "FAILED", "EXPIRED", "PARTIAL");

    private BackupJobOperations() {
    }

    static void register(Map<String, Operation> ops) {
        ops.put("ListBackupJobs", BackupJobOperations::list);
        ops.put("DescribeBackupJob", BackupJobOperations::describe);
    }

    static ObjectNode list(BackupCall call) {
        String resourceArn = call.query("resourceArn");
        String state = call.queryEnum("state", STATES);
        String vault = call.query("backupVaultName", BackupCall.VAULT_NAME);
        Instant createdBefore = call.queryTime("createdBefore");
        Instant createdAfter = call.queryTime("createdAfter");
        String resourceType = call.query("resourceType", BackupCall.RESOURCE_TYPE);
        String account = JobRules.accountFilter(call, true);
        Instant completeAfter = call.queryTime("completeAfter");
        Instant completeBefore = call.queryTime("completeBefore");
        String parentJob = call.query("parentJobId");
        String category = call.query("messageCategory");
        String own = call.region().account();
        Instant now = call.now();
        List<BackupJob> jobs = call.region().backupJobs().stream()
                .filter(j -> JobRules.withinWindow(j.created(), now))
                .filter(j -> resourceArn == null || resourceArn.equals(j.resourceArn()))
                .filter(j -> state == null || state.equals(j.state()))
                .filter(j -> vault == null || vault.equals(j.vaultName()))
                .filter(j -> createdBefore == null || j.created().isBefore(createdBefore))
                .filter(j -> createdAfter == null || j.created().isAfter(createdAfter))
                .filter(j -> resourceType == null || resourceType.equals(ResourceArns.type(j.resourceArn())))
                .filter(j -> JobRules.accountMatches(account, own))
                .filter(j -> completeAfter == null || j.completed() != null && j.completed().isAfter(completeAfter))
                .filter(j -> completeBefore == null || j.completed() != null && j.completed().isBefore(completeBefore))
                .filter(j -> parentJob == null)
                .filter(j -> JobRules.categoryMatches(category, JobRules.messageCategory(j.state(), j.statusMessage())))
                .toList();
        Page<BackupJob> page = call.page(PageParams.LOWER, jobs, j -> BackupCall.newestFirst(j.created(), j.id()));
        RegionView view = call.view();
        ObjectNode out = Wire.object();
        ArrayNode list = out.putArray("BackupJobs");
        page.items().forEach(j -> list.add(json(j, view)));
        Wire.put(out, "NextToken", page.nextToken());
        return out;
    }

    static ObjectNode describe(BackupCall call) {
        String id = call.label("backupJobId");
        BackupJob job = call.region().backupJobs().stream().filter(j -> j.id().equals(id)).findFirst()
                .orElseThrow(() -> BackupErrors.resourceNotFound("BackupJobId", "Backup job " + id
                        + " does not exist in account " + call.context().account() + " region "
                        + call.context().regionName()));
        ObjectNode n = json(job, call.view());
        n.put("NumberOfChildJobs", 0L);
        return n;
    }

    private static ObjectNode json(BackupJob j, RegionView view) {
        ObjectNode n = Wire.object();
        n.put("AccountId", view.region().account());
        n.put("BackupJobId", j.id());
        Wire.put(n, "BackupVaultName", j.vaultName());
        Wire.put(n, "BackupVaultArn", j.vaultArn());
        view.vault(j.vaultName()).ifPresent(v -> Wire.put(n, "VaultType", v.vaultType()));
        Wire.put(n, "RecoveryPointArn", j.recoveryPointArn());
        Optional<RecoveryPoint> rp = view.recoveryPoint(j.recoveryPointArn());
        rp.ifPresent(p -> {
            Wire.lifecycle(n, "RecoveryPointLifecycle", p.deleteAfterDays(), p.moveToColdStorageAfterDays());
            Wire.put(n, "EncryptionKeyArn", p.encryptionKeyArn());
            n.put("IsEncrypted", p.encrypted());
        });
        n.put("ResourceArn", j.resourceArn());
        Wire.put(n, "CreationDate", j.created());
        Wire.put(n, "InitiationDate", j.created());
        Wire.put(n, "CompletionDate", j.completed());
        n.put("State", j.state());
        Wire.put(n, "StatusMessage", j.statusMessage());
        if ("COMPLETED".equals(j.state())) {
            n.put("PercentDone", "100.0");
        }
        n.put("BackupSizeInBytes", j.backupSizeBytes());
        Wire.put(n, "IamRoleArn", j.iamRoleArn());
        CreatedBy.put(n, j.planId(), j.planArn(), j.ruleId(), view);
        Wire.put(n, "ResourceType", ResourceArns.type(j.resourceArn()));
        Wire.put(n, "ResourceName", j.resourceName() != null ? j.resourceName() : ResourceArns.name(j.resourceArn()));
        n.put("IsParent", false);
        Wire.put(n, "MessageCategory", JobRules.messageCategory(j.state(), j.statusMessage()));
        return n;
    }
}
