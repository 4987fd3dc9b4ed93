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
import java.util.List;
import java.util.Map;

/**
 * The AWS calls of one account-region, one method per call (one page per call for listings), answering in
 * model records. The SDK implementation is {@link SdkRegionApi}; tests use a fake. Paging, rate limits and
 * failure handling belong to the caller ({@link RegionCollector}), so each method is one request.
 * A {@code token} of null asks for the first page; {@link Page#next()} null means the last page.
 */
interface RegionApi {
    Page<String> listTables(String token);

    /** Tables with at least one tag, by ARN (tagging GetResources, ResourceTypeFilters dynamodb:table). */
    Page<Tagged> tableTags(String token);

    /** Every backup of the region (no TableName), BackupType ALL, created at or after {@code since}. */
    Page<Owned<OnDemandBackup>> listBackups(Instant since, String token);

    Page<String> listBackupPlanIds(String token);

    /** GetBackupPlan; the plan comes back without selections. */
    BackupPlan getBackupPlan(String planId);

    Page<String> listBackupSelectionIds(String planId, String token);

    BackupSelection getBackupSelection(String planId, String selectionId);

    Page<Vault> listBackupVaults(String token);

    /** DynamoDB recovery points of one vault created at or after {@code since}. */
    Page<RecoveryPoint> listRecoveryPoints(String vaultName, Instant since, String token);

    Page<BackupJob> listBackupJobs(Instant since, String token);

    Page<CopyJob> listCopyJobs(Instant since, String token);

    Page<RestoreJob> listRestoreJobs(Instant since, String token);

    /** Every export of the region (no TableArn). */
    Page<ExportSummary> listExports(String token);

    ExportRecord describeExport(String exportArn);

    PitrState describeContinuousBackups(String tableName);

    /** DescribeTable; {@code describedAt} is stamped on the answer. */
    TableDescription describeTable(String tableName, Instant describedAt);

    /** One page of a listing. */
    record Page<T>(List<T> items, String next) {
        public Page {
            items = List.copyOf(items);
            next = next == null || next.isEmpty() ? null : next;
        }
    }

    /** A tagged resource from GetResources. */
    record Tagged(String arn, Map<String, String> tags) {
    }

    /** A value that belongs to the resource {@code resourceArn}. */
    record Owned<T>(String resourceArn, T value) {
    }

    /** A ListExports entry; the export ARN names its table (TABLE_ARN/export/ID). */
    record ExportSummary(String arn, String status, String exportType) {
    }
}
