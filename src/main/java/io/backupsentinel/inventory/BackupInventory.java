package io.backupsentinel.inventory;

import io.backupsentinel.model.Target;

import java.util.List;

/**
 * Collects the backup facts of DynamoDB tables. Implementations never throw for an AWS fault: a fault
 * that stops a whole account-region is reported in {@link RegionSnapshot#failure()}, and one that hits a
 * single call makes only the facts of that call unknown.
 */
public interface BackupInventory {
    /** The account-regions to audit, e.g. the caller's own account and assumed roles, times the regions. */
    List<Target> targets();

    RegionSnapshot collect(Target target, CollectionRequest request);
}
