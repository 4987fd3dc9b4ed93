package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.Vault;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads a region's {@code vaults:}. A vault is unlocked unless it has a {@code lock:} with its retention
 * bounds; a {@code kms_key} makes it customer-managed, otherwise it uses an AWS-owned key.
 */
final class VaultReader {
    static final List<String> TYPES = List.of("BACKUP_VAULT", "LOGICALLY_AIR_GAPPED_BACKUP_VAULT",
            "RESTORE_ACCESS_BACKUP_VAULT");
    static final List<String> KEY_TYPES = List.of("AWS_OWNED_KMS_KEY", "CUSTOMER_MANAGED_KMS_KEY");
    private static final long MAX_RETENTION_DAYS = 36_500;

    private VaultReader() {
    }

    static void read(LoadContext ctx, Region region, YNode node) {
        YMap m = node.map();
        String name = m.requiredStr("name");
        Instant created = ScenarioValues.time(m, "created", ctx.now.minus(Duration.ofDays(365)), ctx.now);
        String type = m.oneOf("type", "BACKUP_VAULT", TYPES);
        String keyArn = m.str("kms_key");
        String keyType = m.oneOf("key_type", keyArn == null ? "AWS_OWNED_KMS_KEY" : "CUSTOMER_MANAGED_KMS_KEY",
                KEY_TYPES);
        if ("CUSTOMER_MANAGED_KMS_KEY".equals(keyType) && keyArn == null) {
            keyArn = "arn:aws:kms:" + region.name() + ":" + region.account() + ":key/" + ctx.ids.uuid();
        }
        boolean locked = false;
        Long min = null;
        Long max = null;
        Instant lockDate = null;
        YNode lockNode = m.get("lock");
        if (lockNode != null && !(lockNode.isScalar() && Boolean.FALSE.equals(YMap.bool(lockNode, false)))) {
            YMap lock = lockNode.map();
            locked = true;
            min = ScenarioValues.days(lock, "min_retention", null, 1, MAX_RETENTION_DAYS);
            max = ScenarioValues.days(lock, "max_retention", null, 1, MAX_RETENTION_DAYS);
            lockDate = ScenarioValues.time(lock, "since", created, ctx.now);
            if (min != null && max != null && min > max) {
                lock.get("min_retention").error("must not exceed max_retention (" + max + "d), got " + min + "d");
            }
            lock.finish();
        }
        m.finish();
        if (name == null) {
            return;
        }
        if (region.vaults().containsKey(name)) {
            node.error("a vault named '" + name + "' is already defined in this region");
            return;
        }
        region.vaults().put(name, new Vault(name, region.vaultArn(name), created, keyArn, keyType, type, locked,
                min, max, lockDate));
    }
}
