package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.Vault;

import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

/**
 * ListRecoveryPointsByBackupVault (with its six filters), ListRecoveryPointsByResource (the resource's
 * points across the region's vaults) and DescribeRecoveryPoint. Listings are newest first. Every sandbox
 * recovery point is made by AWS Backup, so ManagedByAWSBackupOnly does not narrow the list.
 */
final class RecoveryPointOperations {
    private RecoveryPointOperations() {
    }

    static void register(Map<String, Operation> ops) {
        ops.put("ListRecoveryPointsByBackupVault", RecoveryPointOperations::byVault);
        ops.put("ListRecoveryPointsByResource", RecoveryPointOperations::byResource);
        ops.put("DescribeRecoveryPoint", RecoveryPointOperations::describe);
    }

    static ObjectNode byVault(BackupCall call) {
        Vault vault = VaultOperations.require(call, "backupVaultName", BackupCall.VAULT_NAME);
        String resourceArn = call.query("resourceArn");
        String resourceType = call.query("resourceType", BackupCall.RESOURCE_TYPE);
        String planId = call.query("backupPlanId");
        Instant before = call.queryTime("createdBefore");
        Instant after = call.queryTime("createdAfter");
        // No sandbox point is part of a composite (parent) point, so this filter matches none when given.
        String parent = call.query("parentRecoveryPointArn");
        Predicate<RecoveryPoint> keep = rp -> (resourceArn == null || resourceArn.equals(rp.resourceArn()))
                && (resourceType == null || resourceType.equals(ResourceArns.type(rp.resourceArn())))
                && (planId == null || planId.equals(rp.planId()))
                && (before == null || rp.created().isBefore(before))
                && (after == null || rp.created().isAfter(after))
                && parent == null;
        RegionView view = call.view();
        return call.sortedListResponse(PageParams.LOWER, call.region().recoveryPoints().inVault(vault.name()), keep,
                "RecoveryPoints", rp -> RecoveryPointJson.full(rp, view));
    }

    static ObjectNode byResource(BackupCall call) {
        String resourceArn = call.label("resourceArn");
        if (!ResourceArns.looksLikeArn(resourceArn)) {
            throw BackupErrors.invalidParameter("ResourceArn", "ResourceArn '" + resourceArn + "' is not an ARN");
        }
        call.queryBoolean("managedByAWSBackupOnly");
        RegionView view = call.view();
        return call.sortedListResponse(PageParams.LOWER, call.region().recoveryPoints().ofResource(resourceArn),
                rp -> true, "RecoveryPoints", rp -> RecoveryPointJson.byResource(rp, view));
    }

    static ObjectNode describe(BackupCall call) {
        Vault vault = VaultOperations.require(call, "backupVaultName", BackupCall.VAULT_NAME);
        String arn = call.label("recoveryPointArn");
        RegionView view = call.view();
        RecoveryPoint rp = view.recoveryPoint(arn).filter(p -> p.vaultName().equals(vault.name()))
                .orElseThrow(() -> BackupErrors.resourceNotFound("RecoveryPointArn",
                        "Recovery point " + arn + " does not exist in backup vault " + vault.name()));
        return RecoveryPointJson.described(rp, view, call.now());
    }
}
