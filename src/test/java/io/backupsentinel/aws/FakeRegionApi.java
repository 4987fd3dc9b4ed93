package io.backupsentinel.aws;

import io.backupsentinel.model.BackupJob;
import io.backupsentinel.model.BackupPlan;
import io.backupsentinel.model.BackupSelection;
import io.backupsentinel.model.CopyJob;
import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RestoreJob;
import io.backupsentinel.model.TableDescription;
import io.backupsentinel.model.Vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory account-region for collector tests: lists are served in pages of {@link #pageSize}, each
 * call is counted by operation, and {@link #fail} makes an operation (or one argument of it) throw.
 */
final class FakeRegionApi implements RegionApi {
    int pageSize = 2;
    final List<String> tables = new ArrayList<>();
    final Map<String, Map<String, String>> tags = new LinkedHashMap<>();
    final Map<String, PitrState> pitr = new HashMap<>();
    final List<Owned<OnDemandBackup>> backups = new ArrayList<>();
    final List<BackupPlan> plans = new ArrayList<>();
    final List<Vault> vaults = new ArrayList<>();
    final List<RecoveryPoint> recoveryPoints = new ArrayList<>();
    final List<BackupJob> backupJobs = new ArrayList<>();
    final List<CopyJob> copyJobs = new ArrayList<>();
    final List<RestoreJob> restoreJobs = new ArrayList<>();
    final List<ExportSummary> exports = new ArrayList<>();
    final Map<String, ExportRecord> exportDetails = new HashMap<>();
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    /** operation, or operation + ":" + argument, that throws. */
    final Set<String> failing = new HashSet<>();
    Instant lastSince;

    FakeRegionApi fail(String operationOrOperationAndArgument) {
        failing.add(operationOrOperationAndArgument);
        return this;
    }

    int calls(String operation) {
        AtomicInteger n = calls.get(operation);
        return n == null ? 0 : n.get();
    }

    int totalCalls() {
        return calls.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void call(String operation, String argument) {
        calls.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        if (failing.contains(operation) || failing.contains(operation + ":" + argument)) {
            throw new IllegalStateException("injected failure of " + operation);
        }
    }

    private <T> Page<T> page(List<T> all, String token) {
        int from = token == null ? 0 : Integer.parseInt(token);
        int to = Math.min(all.size(), from + pageSize);
        return new Page<>(all.subList(from, to), to < all.size() ? String.valueOf(to) : null);
    }

    @Override
    public Page<String> listTables(String token) {
        call("ListTables", null);
        return page(tables, token);
    }

    @Override
    public Page<Tagged> tableTags(String token) {
        call("GetResources", null);
        List<Tagged> all = new ArrayList<>();
        tags.forEach((arn, t) -> all.add(new Tagged(arn, t)));
        return page(all, token);
    }

    @Override
    public Page<Owned<OnDemandBackup>> listBackups(Instant since, String token) {
        call("ListBackups", null);
        lastSince = since;
        return page(backups, token);
    }

    @Override
    public Page<String> listBackupPlanIds(String token) {
        call("ListBackupPlans", null);
        return page(plans.stream().map(BackupPlan::id).toList(), token);
    }

    @Override
    public BackupPlan getBackupPlan(String planId) {
        call("GetBackupPlan", planId);
        BackupPlan p = plans.stream().filter(x -> x.id().equals(planId)).findFirst().orElseThrow();
        return new BackupPlan(p.id(), p.arn(), p.name(), p.rules(), List.of());
    }

    @Override
    public Page<String> listBackupSelectionIds(String planId, String token) {
        call("ListBackupSelections", planId);
        BackupPlan p = plans.stream().filter(x -> x.id().equals(planId)).findFirst().orElseThrow();
        return page(p.selections().stream().map(BackupSelection::id).toList(), token);
    }

    @Override
    public BackupSelection getBackupSelection(String planId, String selectionId) {
        call("GetBackupSelection", selectionId);
        return plans.stream().filter(x -> x.id().equals(planId)).findFirst().orElseThrow()
                .selections().stream().filter(s -> s.id().equals(selectionId)).findFirst().orElseThrow();
    }

    @Override
    public Page<Vault> listBackupVaults(String token) {
        call("ListBackupVaults", null);
        return page(vaults, token);
    }

    @Override
    public Page<RecoveryPoint> listRecoveryPoints(String vaultName, Instant since, String token) {
        call("ListRecoveryPointsByBackupVault", vaultName);
        return page(recoveryPoints.stream().filter(rp -> rp.vaultName().equals(vaultName)).toList(), token);
    }

    @Override
    public Page<BackupJob> listBackupJobs(Instant since, String token) {
        call("ListBackupJobs", null);
        return page(backupJobs, token);
    }

    @Override
    public Page<CopyJob> listCopyJobs(Instant since, String token) {
        call("ListCopyJobs", null);
        return page(copyJobs, token);
    }

    @Override
    public Page<RestoreJob> listRestoreJobs(Instant since, String token) {
        call("ListRestoreJobs", null);
        return page(restoreJobs, token);
    }

    @Override
    public Page<ExportSummary> listExports(String token) {
        call("ListExports", null);
        return page(exports, token);
    }

    @Override
    public ExportRecord describeExport(String exportArn) {
        call("DescribeExport", exportArn);
        return exportDetails.get(exportArn);
    }

    @Override
    public PitrState describeContinuousBackups(String tableName) {
        call("DescribeContinuousBackups", tableName);
        return pitr.getOrDefault(tableName, PitrState.disabled());
    }

    /** The size DescribeTable answers per table name (1 MiB when not set). */
    final Map<String, Long> tableSizes = new HashMap<>();

    @Override
    public TableDescription describeTable(String tableName, Instant describedAt) {
        call("DescribeTable", tableName);
        return new TableDescription(tableSizes.getOrDefault(tableName, 1L << 20), 10, List.of(
                new TableDescription.KeyElement("pk", "HASH")), Map.of("pk", "S"), "PAY_PER_REQUEST", null, null,
                describedAt);
    }
}
