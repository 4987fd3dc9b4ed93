package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.Vault;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        List<RecoveryPoint> points = call.region().recoveryPoints().values().stream()
                .filter(rp -> rp.vaultName().equals(vault.name()))
                .filter(rp -> resourceArn == null || resourceArn.equals(rp.resourceArn()))
                .filter(rp -> resourceType == null || resourceType.equals(ResourceArns.type(rp.resourceArn())))
                .filter(rp -> planId == null || planId.equals(rp.planId()))
                .filter(rp -> before == null || rp.created().isBefore(before))
                .filter(rp -> after == null || rp.created().isAfter(after))
                .filter(rp -> parent == null)
                .toList();
        RegionView view = call.view();
        return listing(call, points, rp -> RecoveryPointJson.full(rp, view));
    }

    static ObjectNode byResource(BackupCall call) {
        String resourceArn = call.label("resourceArn");
        if (!ResourceArns.looksLikeArn(resourceArn)) {
            throw BackupErrors.invalidParameter("ResourceArn", "ResourceArn '" + resourceArn + "' is not an ARN");
        }
        call.queryBoolean("managedByAWSBackupOnly");
        RegionView view = call.view();
        return listing(call, view.recoveryPointsOf(resourceArn), rp -> RecoveryPointJson.byResource(rp, view));
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

    private static ObjectNode listing(BackupCall call, List<RecoveryPoint> points,
                                      Function<RecoveryPoint, ObjectNode> json) {
        return call.listResponse(PageParams.LOWER, points, rp -> BackupCall.newestFirst(rp.created(), rp.arn()),
                "RecoveryPoints", json);
    }
}
