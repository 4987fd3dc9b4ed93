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
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;
import software.amazon.awssdk.services.backup.model.GetBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.ListBackupJobsResponse;
import software.amazon.awssdk.services.backup.model.ListCopyJobsResponse;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.ListRestoreJobsResponse;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListExportsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.resourcegroupstaggingapi.ResourceGroupsTaggingApiClient;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.GetResourcesResponse;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link RegionApi} over the SDK v2 clients of one account-region: one request per method, answers
 * turned into model records by {@link SdkMapping}.
 */
final class SdkRegionApi implements RegionApi {
    /** AWS Backup's resource type for DynamoDB tables in its job and recovery-point filters. */
    private static final String DYNAMODB = "DynamoDB";
    private static final int BACKUP_PAGE = 1000;

    private final DynamoDbClient ddb;
    private final BackupClient backup;
    private final ResourceGroupsTaggingApiClient tagging;

    SdkRegionApi(DynamoDbClient ddb, BackupClient backup, ResourceGroupsTaggingApiClient tagging) {
        this.ddb = ddb;
        this.backup = backup;
        this.tagging = tagging;
    }

    @Override
    public Page<String> listTables(String token) {
        ListTablesResponse r = ddb.listTables(b -> b.overrideConfiguration(CallBudget.override()).exclusiveStartTableName(token).limit(100));
        return new Page<>(r.tableNames(), r.lastEvaluatedTableName());
    }

    @Override
    public Page<Tagged> tableTags(String token) {
        GetResourcesResponse r = tagging.getResources(b -> b.overrideConfiguration(CallBudget.override()).resourceTypeFilters("dynamodb:table")
                .resourcesPerPage(100).paginationToken(token));
        return new Page<>(r.resourceTagMappingList().stream().map(m -> {
            Map<String, String> tags = new HashMap<>();
            m.tags().forEach(t -> tags.put(t.key(), t.value()));
            return new Tagged(m.resourceARN(), tags);
        }).toList(), r.paginationToken());
    }

    @Override
    public Page<Owned<OnDemandBackup>> listBackups(Instant since, String token) {
        ListBackupsResponse r = ddb.listBackups(b -> b.overrideConfiguration(CallBudget.override()).backupType(BackupTypeFilter.ALL).timeRangeLowerBound(since)
                .exclusiveStartBackupArn(token));
        return new Page<>(r.backupSummaries().stream()
                .map(s -> new Owned<>(s.tableArn(), SdkMapping.backup(s))).toList(), r.lastEvaluatedBackupArn());
    }

    @Override
    public Page<String> listBackupPlanIds(String token) {
        var r = backup.listBackupPlans(b -> b.overrideConfiguration(CallBudget.override()).nextToken(token));
        return new Page<>(r.backupPlansList().stream().map(BackupPlansListMember::backupPlanId).toList(),
                r.nextToken());
    }

    @Override
    public BackupPlan getBackupPlan(String planId) {
        GetBackupPlanResponse r = backup.getBackupPlan(b -> b.overrideConfiguration(CallBudget.override()).backupPlanId(planId));
        return SdkMapping.plan(r);
    }

    @Override
    public Page<String> listBackupSelectionIds(String planId, String token) {
        var r = backup.listBackupSelections(b -> b.overrideConfiguration(CallBudget.override()).backupPlanId(planId).nextToken(token));
        return new Page<>(r.backupSelectionsList().stream().map(BackupSelectionsListMember::selectionId).toList(),
                r.nextToken());
    }

    @Override
    public BackupSelection getBackupSelection(String planId, String selectionId) {
        var r = backup.getBackupSelection(b -> b.overrideConfiguration(CallBudget.override()).backupPlanId(planId).selectionId(selectionId));
        return SdkMapping.selection(selectionId, r.backupSelection());
    }

    @Override
    public Page<Vault> listBackupVaults(String token) {
        // The list member carries lock, retention and key fields: no DescribeBackupVault per vault.
        var r = backup.listBackupVaults(b -> b.overrideConfiguration(CallBudget.override()).nextToken(token).maxResults(BACKUP_PAGE));
        return new Page<>(r.backupVaultList().stream().map(SdkMapping::vault).toList(), r.nextToken());
    }

    @Override
    public Page<RecoveryPoint> listRecoveryPoints(String vaultName, Instant since, String token) {
        ListRecoveryPointsByBackupVaultResponse r = backup.listRecoveryPointsByBackupVault(b -> b.overrideConfiguration(CallBudget.override())
                .backupVaultName(vaultName).byResourceType(DYNAMODB).byCreatedAfter(since)
                .nextToken(token).maxResults(BACKUP_PAGE));
        return new Page<>(r.recoveryPoints().stream().map(SdkMapping::recoveryPoint).toList(), r.nextToken());
    }

    @Override
    public Page<BackupJob> listBackupJobs(Instant since, String token) {
        ListBackupJobsResponse r = backup.listBackupJobs(b -> b.overrideConfiguration(CallBudget.override()).byResourceType(DYNAMODB).byCreatedAfter(since)
                .nextToken(token).maxResults(BACKUP_PAGE));
        return new Page<>(r.backupJobs().stream().map(SdkMapping::backupJob).toList(), r.nextToken());
    }

    @Override
    public Page<CopyJob> listCopyJobs(Instant since, String token) {
        ListCopyJobsResponse r = backup.listCopyJobs(b -> b.overrideConfiguration(CallBudget.override()).byResourceType(DYNAMODB).byCreatedAfter(since)
                .nextToken(token).maxResults(BACKUP_PAGE));
        return new Page<>(r.copyJobs().stream().map(SdkMapping::copyJob).toList(), r.nextToken());
    }

    @Override
    public Page<RestoreJob> listRestoreJobs(Instant since, String token) {
        ListRestoreJobsResponse r = backup.listRestoreJobs(b -> b.overrideConfiguration(CallBudget.override()).byResourceType(DYNAMODB).byCreatedAfter(since)
                .nextToken(token).maxResults(BACKUP_PAGE));
        return new Page<>(r.restoreJobs().stream().map(SdkMapping::restoreJob).toList(), r.nextToken());
    }

    @Override
    public Page<ExportSummary> listExports(String token) {
        ListExportsResponse r = ddb.listExports(b -> b.overrideConfiguration(CallBudget.override()).nextToken(token).maxResults(25));
        return new Page<>(r.exportSummaries().stream()
                .map(e -> new ExportSummary(e.exportArn(), e.exportStatusAsString(), e.exportTypeAsString())).toList(),
                r.nextToken());
    }

    @Override
    public ExportRecord describeExport(String exportArn) {
        ExportDescription d = ddb.describeExport(b -> b.overrideConfiguration(CallBudget.override()).exportArn(exportArn)).exportDescription();
        return new ExportRecord(d.exportArn(), d.exportStatusAsString(), d.exportTime(), d.startTime(), d.endTime(),
                d.failureCode(), d.failureMessage(), d.s3Bucket(), d.s3SseAlgorithmAsString(), d.exportTypeAsString(),
                d.exportFormatAsString(), d.s3Prefix(), d.billedSizeBytes(), d.itemCount());
    }

    @Override
    public TableDescription describeTable(String tableName, Instant describedAt) {
        return SdkMapping.description(ddb.describeTable(b -> b.overrideConfiguration(CallBudget.override())
                .tableName(tableName)).table(), describedAt);
    }

    @Override
    public PitrState describeContinuousBackups(String tableName) {
        var description = ddb.describeContinuousBackups(b -> b.overrideConfiguration(CallBudget.override()).tableName(tableName)).continuousBackupsDescription();
        PointInTimeRecoveryDescription p = description == null ? null : description.pointInTimeRecoveryDescription();
        if (p == null) {
            return PitrState.disabled();
        }
        return new PitrState(p.pointInTimeRecoveryStatus() == PointInTimeRecoveryStatus.ENABLED,
                p.recoveryPeriodInDays(), p.earliestRestorableDateTime(), p.latestRestorableDateTime());
    }
}
