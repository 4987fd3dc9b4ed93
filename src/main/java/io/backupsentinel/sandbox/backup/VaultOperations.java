package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.state.Vault;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * ListBackupVaults (ByVaultType, ByShared) and DescribeBackupVault. The sandbox has no AWS RAM shares, so
 * ByShared=true lists no vault: every vault belongs to the caller's own account.
 */
final class VaultOperations {
    static final Set<String> VAULT_TYPES =
            Set.of("BACKUP_VAULT", "LOGICALLY_AIR_GAPPED_BACKUP_VAULT", "RESTORE_ACCESS_BACKUP_VAULT");

    private VaultOperations() {
    }

    static void register(Map<String, Operation> ops) {
        ops.put("ListBackupVaults", VaultOperations::list);
        ops.put("DescribeBackupVault", VaultOperations::describe);
    }

    static ObjectNode list(BackupCall call) {
        String type = call.queryEnum("vaultType", VAULT_TYPES);
        Boolean shared = call.queryBoolean("shared");
        RegionView view = call.view();
        List<Vault> vaults = view.region().vaults().values().stream()
                .filter(v -> type == null || type.equals(typeOf(v)))
                .filter(v -> !Boolean.TRUE.equals(shared))
                .toList();
        return call.listResponse(PageParams.LOWER, vaults, Vault::name, "BackupVaultList", v -> json(v, view));
    }

    static ObjectNode describe(BackupCall call) {
        Vault v = require(call, call.label("backupVaultName"));
        return json(v, call.view());
    }

    /**
     * The vault a call names, in the caller's account; refuses a BackupVaultAccountId of another account,
     * since no vault is shared with the caller in the sandbox.
     */
    static Vault require(BackupCall call, String name) {
        String account = call.query("backupVaultAccountId", BackupCall.ACCOUNT_ID);
        if (account != null && !account.equals(call.context().account())) {
            throw BackupErrors.resourceNotFound("BackupVaultName", "Backup vault " + name + " of account "
                    + account + " is not shared with account " + call.context().account());
        }
        return call.view().vault(name).orElseThrow(() -> BackupErrors.resourceNotFound("BackupVaultName",
                "Backup vault " + name + " does not exist in account " + call.context().account()
                        + " region " + call.context().regionName()));
    }

    /** Same as {@link #require(BackupCall, String)}, for operations whose model restricts the name's pattern. */
    static Vault require(BackupCall call, String label, Pattern pattern) {
        return require(call, call.label(label, pattern));
    }

    private static String typeOf(Vault v) {
        return v.vaultType() == null ? "BACKUP_VAULT" : v.vaultType();
    }

    private static ObjectNode json(Vault v, RegionView view) {
        ObjectNode n = Wire.object();
        n.put("BackupVaultName", v.name());
        n.put("BackupVaultArn", v.arn());
        n.put("VaultType", typeOf(v));
        n.put("VaultState", "AVAILABLE");
        Wire.put(n, "CreationDate", v.created());
        Wire.put(n, "EncryptionKeyArn", v.encryptionKeyArn());
        Wire.put(n, "EncryptionKeyType", v.encryptionKeyType());
        n.put("NumberOfRecoveryPoints", view.recoveryPointCount(v.name()));
        n.put("Locked", v.locked());
        Wire.put(n, "MinRetentionDays", v.minRetentionDays());
        Wire.put(n, "MaxRetentionDays", v.maxRetentionDays());
        Wire.put(n, "LockDate", v.lockDate());
        return n;
    }
}
