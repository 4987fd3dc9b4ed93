package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.state.BackupJob;
import io.backupsentinel.sandbox.state.RecoveryPoint;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ListBackupJobs (jobs created in the last 30 days, newest first, with every documented filter) and
 * DescribeBackupJob (any job, whatever its age); the filters it shares with ListCopyJobs are {@link JobFilter}.
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
        JobFilter filter = JobFilter.read(call, STATES, true);
        String vault = call.query("backupVaultName", BackupCall.VAULT_NAME);
        List<BackupJob> jobs = call.region().backupJobs().stream()
                .filter(j -> filter.matches(j.resourceArn(), j.state(), j.statusMessage(), j.created(), j.completed()))
                .filter(j -> vault == null || vault.equals(j.vaultName()))
                .toList();
        RegionView view = call.view();
        return call.listResponse(PageParams.LOWER, jobs, j -> BackupCall.newestFirst(j.created(), j.id()),
                "BackupJobs", j -> json(j, view));
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
