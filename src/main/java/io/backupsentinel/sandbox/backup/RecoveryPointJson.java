package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.RestoreJob;
import io.backupsentinel.sandbox.state.Vault;

import java.time.Instant;
import java.util.Optional;

/**
 * Recovery points in the model's shapes: RecoveryPointByBackupVault and DescribeRecoveryPointOutput (the
 * full record, with CalculatedLifecycle computed from the Lifecycle and CreatedBy filled from the plan) and
 * the shorter RecoveryPointByResource.
 */
final class RecoveryPointJson {
    private RecoveryPointJson() {
    }

    static ObjectNode full(RecoveryPoint rp, RegionView view) {
        ObjectNode n = Wire.object();
        Optional<Vault> vault = view.vault(rp.vaultName());
        n.put("RecoveryPointArn", rp.arn());
        n.put("BackupVaultName", rp.vaultName());
        n.put("BackupVaultArn", rp.vaultArn());
        Wire.put(n, "SourceBackupVaultArn", rp.sourceBackupVaultArn());
        n.put("ResourceArn", rp.resourceArn());
        Wire.put(n, "ResourceType", ResourceArns.type(rp.resourceArn()));
        Wire.put(n, "ResourceName", rp.resourceName() != null ? rp.resourceName() : ResourceArns.name(rp.resourceArn()));
        CreatedBy.put(n, rp.planId(), rp.planArn(), rp.ruleId(), view);
        Wire.put(n, "IamRoleArn", rp.iamRoleArn());
        n.put("Status", rp.status());
        Wire.put(n, "StatusMessage", rp.statusMessage());
        Wire.put(n, "CreationDate", rp.created());
        Wire.put(n, "InitiationDate", rp.created());
        Wire.put(n, "CompletionDate", rp.completed());
        n.put("BackupSizeInBytes", rp.backupSizeBytes());
        if (rp.deleteAt() != null || rp.moveToColdStorageAt() != null) {
            ObjectNode c = n.putObject("CalculatedLifecycle");
            Wire.put(c, "MoveToColdStorageAt", rp.moveToColdStorageAt());
            Wire.put(c, "DeleteAt", rp.deleteAt());
        }
        Wire.lifecycle(n, "Lifecycle", rp.deleteAfterDays(), rp.moveToColdStorageAfterDays());
        Wire.put(n, "EncryptionKeyArn", rp.encryptionKeyArn());
        n.put("IsEncrypted", rp.encrypted());
        Wire.put(n, "LastRestoreTime", lastRestore(rp, view));
        n.put("IsParent", false);
        vault.ifPresent(v -> {
            Wire.put(n, "VaultType", v.vaultType());
            Wire.put(n, "EncryptionKeyType", v.encryptionKeyType());
        });
        return n;
    }

    /** DescribeRecoveryPoint adds StorageClass: where the lifecycle has moved the point by now. */
    static ObjectNode described(RecoveryPoint rp, RegionView view, Instant now) {
        ObjectNode n = full(rp, view);
        String storage = rp.deleteAt() != null && !now.isBefore(rp.deleteAt()) ? "DELETED"
                : rp.moveToColdStorageAt() != null && !now.isBefore(rp.moveToColdStorageAt()) ? "COLD" : "WARM";
        n.put("StorageClass", storage);
        return n;
    }

    static ObjectNode byResource(RecoveryPoint rp, RegionView view) {
        ObjectNode n = Wire.object();
        n.put("RecoveryPointArn", rp.arn());
        Wire.put(n, "CreationDate", rp.created());
        n.put("Status", rp.status());
        Wire.put(n, "StatusMessage", rp.statusMessage());
        Wire.put(n, "EncryptionKeyArn", rp.encryptionKeyArn());
        n.put("BackupSizeBytes", rp.backupSizeBytes());
        n.put("BackupVaultName", rp.vaultName());
        n.put("IsParent", false);
        Wire.put(n, "ResourceName", rp.resourceName() != null ? rp.resourceName() : ResourceArns.name(rp.resourceArn()));
        view.vault(rp.vaultName()).ifPresent(v -> {
            Wire.put(n, "VaultType", v.vaultType());
            Wire.put(n, "EncryptionKeyType", v.encryptionKeyType());
        });
        return n;
    }

    private static Instant lastRestore(RecoveryPoint rp, RegionView view) {
        return view.region().restoreJobs().values().stream()
                .filter(j -> rp.arn().equals(j.recoveryPointArn()))
                .map(RestoreJob::created).max(Instant::compareTo).orElse(null);
    }
}
