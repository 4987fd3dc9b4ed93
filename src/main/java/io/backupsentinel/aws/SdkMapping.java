package io.backupsentinel.aws;

import io.backupsentinel.model.BackupJob;
import io.backupsentinel.model.BackupPlan;
import io.backupsentinel.model.BackupSelection;
import io.backupsentinel.model.CopyAction;
import io.backupsentinel.model.CopyJob;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PlanRule;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RestoreJob;
import io.backupsentinel.model.TableDescription;
import io.backupsentinel.model.Vault;
import software.amazon.awssdk.services.backup.model.BackupRule;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.ConditionParameter;
import software.amazon.awssdk.services.backup.model.Conditions;
import software.amazon.awssdk.services.backup.model.GetBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.Lifecycle;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RestoreJobsListMember;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SDK response shapes to model records; no calls, no decisions. */
final class SdkMapping {
    private SdkMapping() {
    }

    static OnDemandBackup backup(BackupSummary s) {
        return new OnDemandBackup(s.backupArn(), s.backupName(), s.backupCreationDateTime(), s.backupStatusAsString(),
                s.backupTypeAsString(), s.backupSizeBytes(), s.backupExpiryDateTime());
    }

    static BackupPlan plan(GetBackupPlanResponse r) {
        List<PlanRule> rules = r.backupPlan().rules().stream().map(SdkMapping::rule).toList();
        return new BackupPlan(r.backupPlanId(), r.backupPlanArn(), r.backupPlan().backupPlanName(), rules, List.of());
    }

    static PlanRule rule(BackupRule rule) {
        Lifecycle l = rule.lifecycle();
        List<CopyAction> copies = rule.copyActions().stream()
                .map(c -> new CopyAction(c.destinationBackupVaultArn(),
                        c.lifecycle() == null ? null : c.lifecycle().deleteAfterDays()))
                .toList();
        return new PlanRule(rule.ruleName(), rule.targetBackupVaultName(), rule.scheduleExpression(),
                rule.scheduleExpressionTimezone(), l == null ? null : l.deleteAfterDays(),
                l == null ? null : l.moveToColdStorageAfterDays(), Boolean.TRUE.equals(rule.enableContinuousBackup()),
                copies);
    }

    static BackupSelection selection(String id, software.amazon.awssdk.services.backup.model.BackupSelection s) {
        List<BackupSelection.Condition> tags = s.listOfTags().stream()
                .map(c -> new BackupSelection.Condition(c.conditionTypeAsString(), c.conditionKey(), c.conditionValue()))
                .toList();
        List<BackupSelection.Condition> conditions = new ArrayList<>();
        Conditions c = s.conditions();
        if (c != null) {
            add(conditions, "StringEquals", c.stringEquals());
            add(conditions, "StringNotEquals", c.stringNotEquals());
            add(conditions, "StringLike", c.stringLike());
            add(conditions, "StringNotLike", c.stringNotLike());
        }
        return new BackupSelection(id, s.selectionName(), s.resources(), s.notResources(), tags, conditions, s.iamRoleArn());
    }

    private static void add(List<BackupSelection.Condition> out, String type, List<ConditionParameter> params) {
        params.forEach(p -> out.add(new BackupSelection.Condition(type, p.conditionKey(), p.conditionValue())));
    }

    static Vault vault(BackupVaultListMember v) {
        return new Vault(v.backupVaultName(), v.backupVaultArn(), Boolean.TRUE.equals(v.locked()), v.minRetentionDays(),
                v.maxRetentionDays(), v.lockDate(), v.encryptionKeyArn(), v.encryptionKeyTypeAsString(),
                v.vaultTypeAsString());
    }

    static RecoveryPoint recoveryPoint(RecoveryPointByBackupVault p) {
        Lifecycle l = p.lifecycle();
        return new RecoveryPoint(p.recoveryPointArn(), p.resourceArn(), p.backupVaultName(), p.backupVaultArn(),
                p.creationDate(), p.completionDate(), p.statusAsString(), l == null ? null : l.deleteAfterDays(),
                l == null ? null : l.moveToColdStorageAfterDays(),
                p.calculatedLifecycle() == null ? null : p.calculatedLifecycle().deleteAt(),
                Boolean.TRUE.equals(p.isEncrypted()), p.encryptionKeyArn(), p.sourceBackupVaultArn(),
                p.backupSizeInBytes());
    }

    /** DescribeTable's answer; BillingModeSummary is absent for tables that were always PROVISIONED. */
    static TableDescription description(software.amazon.awssdk.services.dynamodb.model.TableDescription d,
                                        Instant describedAt) {
        List<TableDescription.KeyElement> keys = d.keySchema().stream()
                .map(k -> new TableDescription.KeyElement(k.attributeName(), k.keyTypeAsString()))
                .sorted(java.util.Comparator.comparing(k -> "HASH".equals(k.keyType()) ? 0 : 1))
                .toList();
        java.util.Set<String> keyNames = new java.util.HashSet<>();
        keys.forEach(k -> keyNames.add(k.attributeName()));
        Map<String, String> types = new HashMap<>();
        d.attributeDefinitions().stream().filter(a -> keyNames.contains(a.attributeName()))
                .forEach(a -> types.put(a.attributeName(), a.attributeTypeAsString()));
        String mode = d.billingModeSummary() == null || d.billingModeSummary().billingModeAsString() == null
                ? "PROVISIONED" : d.billingModeSummary().billingModeAsString();
        boolean provisioned = "PROVISIONED".equals(mode) && d.provisionedThroughput() != null;
        return new TableDescription(d.tableSizeBytes() == null ? 0 : d.tableSizeBytes(),
                d.itemCount() == null ? 0 : d.itemCount(), keys, types, mode,
                provisioned ? d.provisionedThroughput().readCapacityUnits() : null,
                provisioned ? d.provisionedThroughput().writeCapacityUnits() : null, describedAt);
    }

    static BackupJob backupJob(software.amazon.awssdk.services.backup.model.BackupJob j) {
        return new BackupJob(j.backupJobId(), j.resourceArn(), j.stateAsString(), j.creationDate(), j.completionDate(),
                j.statusMessage(), j.backupVaultName(), j.recoveryPointArn());
    }

    static CopyJob copyJob(software.amazon.awssdk.services.backup.model.CopyJob j) {
        return new CopyJob(j.copyJobId(), j.resourceArn(), j.stateAsString(), j.creationDate(), j.completionDate(),
                j.statusMessage(), j.sourceBackupVaultArn(), j.destinationBackupVaultArn());
    }

    static RestoreJob restoreJob(RestoreJobsListMember j) {
        return new RestoreJob(j.restoreJobId(), j.sourceResourceArn(), j.recoveryPointArn(), j.statusAsString(),
                j.creationDate(), j.completionDate(), j.statusMessage(), j.validationStatusAsString(),
                j.validationStatusMessage(), j.createdResourceArn(),
                j.createdBy() == null ? null : j.createdBy().restoreTestingPlanArn());
    }
}
