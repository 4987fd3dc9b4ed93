package io.backupsentinel.aws;

import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.inventory.RequestKind;
import io.backupsentinel.model.BackupJob;
import io.backupsentinel.model.BackupPlan;
import io.backupsentinel.model.CopyJob;
import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RestoreJob;
import io.backupsentinel.model.TableDescription;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Vault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Collects one account-region. The call plan: ListTables and tagging GetResources (paged) decide which
 * tables are in scope; then, at the same time and only for the fact kinds the request wants,
 * DescribeContinuousBackups per table, and one region-wide listing each of backups (ListBackups), plans,
 * vaults and their recovery points, backup/copy/restore jobs and exports (plus DescribeExport for the
 * exports the checks read), and DescribeTable per table at most daily ({@link TableDescriptions}). Region-wide facts are shared by reference between the region's tables.
 */
final class RegionCollector {
    private static final Logger LOG = LoggerFactory.getLogger(RegionCollector.class);

    private final RegionApi api;
    private final Caller caller;
    private final Clock clock;
    /** Kept between sweeps: DescribeTable is asked at most daily per table. */
    private final TableDescriptions descriptions = new TableDescriptions();

    RegionCollector(RegionApi api, Caller caller, Clock clock) {
        this.api = api;
        this.caller = caller;
        this.clock = clock;
    }

    RegionSnapshot collect(Target target, CollectionRequest request, Supplier<Map<RequestKind, Long>> attempts) {
        Instant now = clock.instant();
        List<String> names = new ArrayList<>();
        try {
            caller.pages("ListTables", api::listTables, names::add);
        } catch (Exception e) {
            Listings.interruptedAgain(e);
            return failed(target, Causes.of("ListTables", e), attempts);
        }
        Map<String, Map<String, String>> tags = new HashMap<>();
        try {
            Set<String> listed = new HashSet<>();
            names.forEach(n -> listed.add(TableRef.of(target.account(), target.region(), n).arn()));
            TagSets shared = new TagSets();
            caller.pages("GetResources", api::tableTags, t -> {
                if (listed.contains(t.arn())) {
                    tags.put(t.arn(), shared.share(t.tags()));
                }
            });
        } catch (Exception e) {
            Listings.interruptedAgain(e);
            return failed(target, Causes.of("GetResources", e) + " (tags decide which tables are in scope)",
                    attempts);
        }
        List<TableRef> tables = new ArrayList<>();
        for (String name : names) {
            TableRef ref = TableRef.of(target.account(), target.region(), name);
            if (request.inScope().test(ref, tags.getOrDefault(ref.arn(), Map.of()))) {
                tables.add(ref);
            }
        }
        Set<String> scope = new HashSet<>();
        tables.forEach(t -> scope.add(t.arn()));
        Instant collectedAt = clock.instant();
        Parts parts = gather(request, tables, scope, now);
        List<TableFacts> out = new ArrayList<>(tables.size());
        for (int i = 0; i < tables.size(); i++) {
            out.add(parts.facts(tables.get(i), i, tags.getOrDefault(tables.get(i).arn(), Map.of()), collectedAt));
        }
        if (parts.unlinkedRestoreJobs > 0) {
            LOG.info("{}: {} restore jobs could not be linked to a table (no SourceResourceArn, and their"
                    + " recovery points were not listed in this sweep)", target, parts.unlinkedRestoreJobs);
        }
        Map<RequestKind, Long> made = attempts.get();
        return new RegionSnapshot(target, out, null, RequestCounts.byOperation(made), made);
    }

    private static RegionSnapshot failed(Target target, String cause, Supplier<Map<RequestKind, Long>> attempts) {
        Map<RequestKind, Long> made = attempts.get();
        return RegionSnapshot.failed(target, cause, RequestCounts.byOperation(made), made);
    }

    private Parts gather(CollectionRequest request, List<TableRef> tables, Set<String> scope, Instant now) {
        Listings listings = new Listings(caller, api, scope);
        TableCalls perTable = new TableCalls(caller, api);
        boolean wantPoints = request.wants(FactKind.RECOVERY_POINTS) || request.wants(FactKind.RESTORE_JOBS);
        // Each listing reaches back as far as the rules reading that kind need (restore jobs alone: their window).
        Instant backupsSince = since(now, request, FactKind.ON_DEMAND_BACKUPS);
        Instant pointsSince = since(now, request,
                request.wants(FactKind.RECOVERY_POINTS) ? FactKind.RECOVERY_POINTS : FactKind.RESTORE_JOBS);
        Instant backupJobsSince = since(now, request, FactKind.BACKUP_JOBS);
        Instant copyJobsSince = since(now, request, FactKind.COPY_JOBS);
        Instant restoreJobsSince = since(now, request, FactKind.RESTORE_JOBS);
        var pitr = start(request.wants(FactKind.PITR), () -> perTable.pitr(tables));
        var described = start(request.wants(FactKind.DESCRIPTION),
                () -> descriptions.describe(caller, api, tables, now));
        var backups = start(request.wants(FactKind.ON_DEMAND_BACKUPS),
                () -> listings.<RegionApi.Owned<OnDemandBackup>, OnDemandBackup>grouped("ListBackups",
                        token -> api.listBackups(backupsSince, token), (o, by) -> by.add(o.resourceArn(), o.value())));
        var plans = start(request.wants(FactKind.PLANS), listings::plans);
        var vaults = start(request.wants(FactKind.VAULTS) || wantPoints, listings::vaults);
        var points = vaults == null || !wantPoints ? null
                : vaults.thenApplyAsync(v -> listings.recoveryPoints(v, pointsSince), caller.workers().phases());
        var backupJobs = start(request.wants(FactKind.BACKUP_JOBS),
                () -> listings.<BackupJob, BackupJob>grouped("ListBackupJobs", token -> api.listBackupJobs(backupJobsSince, token),
                        (j, by) -> by.add(j.resourceArn(), j)));
        var copyJobs = start(request.wants(FactKind.COPY_JOBS),
                () -> listings.<CopyJob, CopyJob>grouped("ListCopyJobs", token -> api.listCopyJobs(copyJobsSince, token),
                        (j, by) -> by.add(j.resourceArn(), j)));
        var restoreJobs = start(request.wants(FactKind.RESTORE_JOBS), () -> listings.restoreJobs(restoreJobsSince));
        var exports = start(request.wants(FactKind.EXPORTS), () -> exports(perTable, scope));

        Parts parts = new Parts();
        parts.pitr = join(pitr, cause -> fill(tables.size(), Fact.failed("DescribeContinuousBackups: " + cause)));
        parts.descriptions = join(described,
                cause -> fill(tables.size(), Fact.failed("DescribeTable: " + cause)));
        parts.backups = join(backups, cause -> Fact.failed("ListBackups: " + cause));
        parts.plans = join(plans, cause -> Fact.failed("ListBackupPlans: " + cause));
        parts.vaults = join(vaults, cause -> Fact.failed("ListBackupVaults: " + cause));
        Listings.RecoveryPoints rps = join(points, cause -> new Listings.RecoveryPoints(
                Fact.failed("ListRecoveryPointsByBackupVault: " + cause), Map.of()));
        parts.recoveryPoints = rps == null ? null : rps.byTable();
        parts.backupJobs = join(backupJobs, cause -> Fact.failed("ListBackupJobs: " + cause));
        parts.copyJobs = join(copyJobs, cause -> Fact.failed("ListCopyJobs: " + cause));
        parts.exports = join(exports, cause -> Fact.failed("ListExports: " + cause));
        Fact<List<RestoreJob>> restores = join(restoreJobs, cause -> Fact.failed("ListRestoreJobs: " + cause));
        if (restores != null) {
            parts.linkRestores(restores, rps, scope);
        }
        parts.wantVaults = request.wants(FactKind.VAULTS);
        parts.wantPoints = request.wants(FactKind.RECOVERY_POINTS);
        return parts;
    }

    /**
     * Where a kind's listing starts; null when the request does not want the kind. Never before 1970: AWS's
     * time filters are epoch seconds, and "every backup still kept" reaches further back than that.
     */
    private static Instant since(Instant now, CollectionRequest request, FactKind kind) {
        if (!request.wants(kind)) {
            return null;
        }
        Instant since = now.minus(request.lookback(kind));
        return since.isBefore(Instant.EPOCH) ? Instant.EPOCH : since;
    }

    /** ListExports once for the region, grouped by the table each export ARN names; then DescribeExport. */
    private Fact<Map<String, Fact<List<ExportRecord>>>> exports(TableCalls perTable, Set<String> scope)
            throws InterruptedException {
        Map<String, List<RegionApi.ExportSummary>> byTable = new HashMap<>();
        try {
            caller.pages("ListExports", api::listExports, e -> {
                String table = ExportSelection.tableArn(e.arn());
                if (table != null && scope.contains(table)) {
                    byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(e);
                }
            });
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            return Fact.failed(Causes.of("ListExports", e));
        }
        return Fact.of(perTable.exports(byTable));
    }

    /** A phase the request wants, started on the phase executor; null when not wanted. */
    private <T> CompletableFuture<T> start(boolean wanted, Callable<T> phase) {
        if (!wanted) {
            return null;
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return phase.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, caller.workers().phases());
    }

    /** The phase's result; a phase that broke (a bug or an interrupt) turns into the fallback, not a throw. */
    private static <T> T join(CompletableFuture<T> phase, java.util.function.Function<String, T> onFailure) {
        if (phase == null) {
            return null;
        }
        try {
            return phase.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.warn("a collection phase failed", cause);
            return onFailure.apply(Causes.of("collector", cause).substring("collector: ".length()));
        }
    }

    private static <T> List<T> fill(int n, T value) {
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(value);
        }
        return out;
    }

    /** The results of one region's phases; null fields were not asked for. */
    private static final class Parts {
        List<Fact<PitrState>> pitr;
        List<Fact<TableDescription>> descriptions;
        Fact<ByTable<OnDemandBackup>> backups;
        Fact<List<BackupPlan>> plans;
        Fact<Map<String, Vault>> vaults;
        Fact<ByTable<RecoveryPoint>> recoveryPoints;
        Fact<ByTable<BackupJob>> backupJobs;
        Fact<ByTable<CopyJob>> copyJobs;
        Fact<ByTable<RestoreJob>> restoreJobs;
        Fact<Map<String, Fact<List<ExportRecord>>>> exports;
        boolean wantVaults;
        boolean wantPoints;
        int unlinkedRestoreJobs;
        private final Map<String, Fact<?>> shared = new HashMap<>();

        void linkRestores(Fact<List<RestoreJob>> jobs, Listings.RecoveryPoints rps, Set<String> scope) {
            if (!jobs.known()) {
                restoreJobs = Fact.failed(jobs.cause());
                return;
            }
            boolean pointsKnown = rps != null && rps.byTable().known();
            RestoreJobLinks links = new RestoreJobLinks(pointsKnown ? rps.links() : Map.of());
            ByTable<RestoreJob> byTable = new ByTable<>(scope);
            for (RestoreJob job : jobs.value()) {
                String table = links.tableArn(job);
                if (table == null) {
                    unlinkedRestoreJobs++;
                } else {
                    byTable.add(table, job);
                }
            }
            if (unlinkedRestoreJobs > 0 && !pointsKnown) {
                // Any table might own the jobs we could not link: its restore history is unknown, not empty.
                restoreJobs = Fact.failed("ListRestoreJobs: " + unlinkedRestoreJobs + " restore jobs could not be"
                        + " linked to tables because recovery points are unknown: "
                        + (rps == null ? "not listed" : rps.byTable().cause()));
            } else {
                restoreJobs = Fact.of(byTable);
            }
        }

        TableFacts facts(TableRef t, int index, Map<String, String> tags, Instant collectedAt) {
            Fact<List<ExportRecord>> exportFact;
            if (exports == null) {
                exportFact = notCollected("exports");
            } else if (!exports.known()) {
                exportFact = sharedFailure("exports", exports.cause());
            } else {
                exportFact = exports.value().getOrDefault(t.arn(), sharedEmpty());
            }
            // tableStatus and creationTime are left out: DescribeTable is read at most daily, they would go stale.
            return new TableFacts(t, tags, null, null,
                    pitr == null ? notCollected("PITR states") : pitr.get(index),
                    perTable(backups, t, "on-demand backups"),
                    wantPoints ? perTable(recoveryPoints, t, "recovery points") : notCollected("recovery points"),
                    exportFact,
                    plans == null ? notCollected("backup plans") : plans,
                    wantVaults ? vaults : notCollected("backup vaults"),
                    perTable(backupJobs, t, "backup jobs"),
                    perTable(copyJobs, t, "copy jobs"),
                    perTable(restoreJobs, t, "restore jobs"),
                    descriptions == null ? notCollected("table descriptions") : descriptions.get(index),
                    collectedAt);
        }

        private <V> Fact<List<V>> perTable(Fact<ByTable<V>> grouped, TableRef t, String what) {
            if (grouped == null) {
                return notCollected(what);
            }
            return grouped.known() ? grouped.value().factFor(t.arn()) : sharedFailure(what, grouped.cause());
        }

        @SuppressWarnings("unchecked")
        private <V> Fact<V> notCollected(String what) {
            return (Fact<V>) shared.computeIfAbsent("not:" + what, k -> Fact.notCollected(what));
        }

        @SuppressWarnings("unchecked")
        private <V> Fact<V> sharedFailure(String what, String cause) {
            return (Fact<V>) shared.computeIfAbsent("failed:" + what, k -> Fact.failed(cause));
        }

        @SuppressWarnings("unchecked")
        private <V> Fact<List<V>> sharedEmpty() {
            return (Fact<List<V>>) shared.computeIfAbsent("empty", k -> Fact.of(List.of()));
        }
    }
}
