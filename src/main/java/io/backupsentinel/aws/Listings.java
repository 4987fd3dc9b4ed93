package io.backupsentinel.aws;

import io.backupsentinel.model.BackupPlan;
import io.backupsentinel.model.BackupSelection;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RestoreJob;
import io.backupsentinel.model.Vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The region-wide listings of one account-region: each lists once, whatever the number of tables, and
 * keeps only what in-scope tables need. A failed listing becomes a failed fact carrying the cause; it
 * never stops the other listings.
 *
 * <p>A lost page: {@link Caller#pages} asks for a failed page again from its own token, so one failed
 * request costs a retry, not the listing. When a page fails for good, what the pages before it showed
 * cannot be kept as a table's fact: these listings (recovery points by vault, backups, jobs, exports) are
 * ordered by time or not at all, never by table, so the lost page may hold any table's newest point or a
 * failed job, and a partial list would turn "not seen" into "not there" (a false RPO breach, a missed
 * failure). So the listing's fact becomes UNKNOWN for every in-scope table, with a cause naming the page;
 * every other listing, and the per-table calls, keep their facts.
 */
final class Listings {
    private final Caller caller;
    private final RegionApi api;
    private final Set<String> inScopeArns;

    Listings(Caller caller, RegionApi api, Set<String> inScopeArns) {
        this.caller = caller;
        this.api = api;
        this.inScopeArns = inScopeArns;
    }

    /** Lists every page and groups the items by table; the fact fails with the cause of a failed page. */
    <T, V> Fact<ByTable<V>> grouped(String operation, Caller.PageCall<T> call, BiConsumer<T, ByTable<V>> add) {
        ByTable<V> byTable = new ByTable<>(inScopeArns);
        try {
            caller.pages(operation, call, item -> add.accept(item, byTable));
            return Fact.of(byTable);
        } catch (Exception e) {
            interruptedAgain(e);
            return Fact.failed(Causes.of(operation, e));
        }
    }

    /** Plans with their rules and selections: ListBackupPlans, then per plan GetBackupPlan and its selections. */
    Fact<List<BackupPlan>> plans() {
        String operation = "ListBackupPlans";
        try {
            List<String> ids = new ArrayList<>();
            caller.pages(operation, api::listBackupPlanIds, ids::add);
            List<BackupPlan> plans = new ArrayList<>(ids.size());
            for (String id : ids) {
                operation = "GetBackupPlan";
                BackupPlan plan = caller.one(operation, () -> api.getBackupPlan(id));
                operation = "ListBackupSelections";
                List<String> selectionIds = new ArrayList<>();
                caller.pages(operation, token -> api.listBackupSelectionIds(id, token), selectionIds::add);
                List<BackupSelection> selections = new ArrayList<>(selectionIds.size());
                operation = "GetBackupSelection";
                for (String sid : selectionIds) {
                    selections.add(caller.one(operation, () -> api.getBackupSelection(id, sid)));
                }
                plans.add(new BackupPlan(plan.id(), plan.arn(), plan.name(), plan.rules(), selections));
            }
            return Fact.of(List.copyOf(plans));
        } catch (Exception e) {
            // A plan list with a hole could show a covered table as uncovered: all plans become unknown.
            interruptedAgain(e);
            return Fact.failed(Causes.of(operation, e));
        }
    }

    Fact<Map<String, Vault>> vaults() {
        try {
            Map<String, Vault> vaults = new LinkedHashMap<>();
            caller.pages("ListBackupVaults", api::listBackupVaults, v -> vaults.put(v.name(), v));
            return Fact.of(java.util.Collections.unmodifiableMap(vaults));
        } catch (Exception e) {
            interruptedAgain(e);
            return Fact.failed(Causes.of("ListBackupVaults", e));
        }
    }

    /**
     * Recovery points of every vault, grouped by table, plus the map from recovery point ARN to table that
     * links restore jobs. One vault lost for good (after its failed page was asked for again) makes every
     * table's recovery points unknown, since any table may have had points in it.
     */
    RecoveryPoints recoveryPoints(Fact<Map<String, Vault>> vaults, Instant since) {
        if (!vaults.known()) {
            return new RecoveryPoints(Fact.failed(vaults.cause()), Map.of());
        }
        ByTable<RecoveryPoint> byTable = new ByTable<>(inScopeArns);
        Map<String, String> links = new HashMap<>();
        for (Vault vault : vaults.value().values()) {
            try {
                caller.pages("ListRecoveryPointsByBackupVault",
                        token -> api.listRecoveryPoints(vault.name(), since, token), rp -> {
                            byTable.add(rp.resourceArn(), rp);
                            if (rp.resourceArn() != null && inScopeArns.contains(rp.resourceArn())) {
                                links.put(rp.arn(), rp.resourceArn());
                            }
                        });
            } catch (Exception e) {
                interruptedAgain(e);
                return new RecoveryPoints(Fact.failed(Causes.of("ListRecoveryPointsByBackupVault", e)
                        + " (vault " + vault.name() + ")"), links);
            }
        }
        return new RecoveryPoints(Fact.of(byTable), links);
    }

    /** Restore jobs of the region, not yet linked to tables. */
    Fact<List<RestoreJob>> restoreJobs(Instant since) {
        List<RestoreJob> jobs = new ArrayList<>();
        try {
            caller.pages("ListRestoreJobs", token -> api.listRestoreJobs(since, token), jobs::add);
            return Fact.of(jobs);
        } catch (Exception e) {
            interruptedAgain(e);
            return Fact.failed(Causes.of("ListRestoreJobs", e));
        }
    }

    /** The recovery points of in-scope tables, and recovery point ARN → table ARN for linking restores. */
    record RecoveryPoints(Fact<ByTable<RecoveryPoint>> byTable, Map<String, String> links) {
    }

    static void interruptedAgain(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
    }
}
