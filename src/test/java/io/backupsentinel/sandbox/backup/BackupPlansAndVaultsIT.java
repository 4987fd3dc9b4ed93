package io.backupsentinel.sandbox.backup;

import io.backupsentinel.sandbox.state.Plan;
import io.backupsentinel.sandbox.state.Vault;
import io.backupsentinel.testing.BackupWorldFixtures;
import io.backupsentinel.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupRule;
import software.amazon.awssdk.services.backup.model.BackupSelection;
import software.amazon.awssdk.services.backup.model.BackupVaultListMember;
import software.amazon.awssdk.services.backup.model.ConditionParameter;
import software.amazon.awssdk.services.backup.model.ConditionType;
import software.amazon.awssdk.services.backup.model.DescribeBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.GetBackupPlanResponse;
import software.amazon.awssdk.services.backup.model.GetBackupSelectionResponse;
import software.amazon.awssdk.services.backup.model.InvalidParameterValueException;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;
import software.amazon.awssdk.services.backup.model.ScheduledPlanExecutionMember;
import software.amazon.awssdk.services.backup.model.VaultType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.backupsentinel.testing.BackupWorldFixtures.NOW;
import static io.backupsentinel.testing.BackupWorldFixtures.ROLE;
import static io.backupsentinel.testing.BackupWorldFixtures.ago;
import static io.backupsentinel.testing.BackupWorldFixtures.tableArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupPlansAndVaultsIT {
    private static final String DR_VAULT = "arn:aws:backup:eu-west-1:111111111111:backup-vault:dr-vault";

    private final BackupWorldFixtures fx = BackupWorldFixtures.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(fx::world);
    private BackupClient backup;
    private Vault prod;
    private Plan gold;
    private Plan silver;

    @BeforeEach
    void setUp() {
        prod = fx.vault("us-east-1", "prod-vault", true, 7L, 365L, "CUSTOMER_MANAGED_KMS_KEY", "BACKUP_VAULT");
        fx.vault("legacy-vault");
        fx.vault("us-east-1", "airgap-vault", true, 30L, 3650L, "AWS_OWNED_KMS_KEY", "LOGICALLY_AIR_GAPPED_BACKUP_VAULT");
        Plan.Rule hourly = new Plan.Rule("rule-hourly", "hourly", "prod-vault", "cron(0 * ? * * *)", "Etc/UTC",
                60L, 120L, 35L, 7L, false, List.of(new Plan.Copy(DR_VAULT, 35L, null)));
        Plan.Rule continuous = new Plan.Rule("rule-pitr", "continuous", "prod-vault", null, null, 60L, 180L,
                35L, null, true, List.of());
        gold = fx.plan("gold-plan", List.of(hourly, continuous),
                List.of(BackupWorldFixtures.selectionByArn("sel-gold", "gold-tables", tableArn("orders"), tableArn("payments"))));
        Plan.Selection bySilverTag = new Plan.Selection("sel-silver", "silver-by-tag", ROLE, ago(Duration.ofDays(30)),
                List.of("arn:aws:dynamodb:*:*:table/*"), List.of(tableArn("scratch")),
                List.of(new Plan.TagCondition("STRINGEQUALS", "backup", "yes")),
                List.of(new Plan.TagCondition("StringEquals", "aws:ResourceTag/backup-tier", "silver"),
                        new Plan.TagCondition("StringNotEquals", "aws:ResourceTag/copy", "none"),
                        new Plan.TagCondition("StringLike", "aws:ResourceTag/env", "prod*"),
                        new Plan.TagCondition("StringNotLike", "aws:ResourceTag/team", "tmp-*")));
        silver = fx.plan("silver-plan", List.of(new Plan.Rule("rule-daily", "daily", "prod-vault",
                "cron(0 5 ? * * *)", "America/New_York", 480L, 10080L, 35L, null, false, List.of())), List.of(bySilverTag));
        fx.recoveryPoint("orders", prod).created(ago(Duration.ofMinutes(40))).plan(gold, "rule-hourly").add();
        fx.recoveryPoint("orders", prod).created(ago(Duration.ofHours(2))).plan(gold, "rule-hourly").add();
        fx.backupJob("orders", prod, "COMPLETED", ago(Duration.ofMinutes(40)), null);
        fx.backupJob("orders", prod, "COMPLETED", ago(Duration.ofMinutes(39)), null, gold, "rule-hourly");
        backup = sandbox.backup();
    }

    @Test
    void list_backup_plans_returns_each_plan_with_its_version_and_last_execution() {
        List<BackupPlansListMember> plans = backup.listBackupPlans(b -> b.includeDeleted(false)).backupPlansList();

        assertThat(plans).extracting(BackupPlansListMember::backupPlanName).containsExactly("gold-plan", "silver-plan");
        BackupPlansListMember g = plans.get(0);
        assertThat(g.backupPlanId()).isEqualTo(gold.id());
        assertThat(g.backupPlanArn()).isEqualTo(gold.arn());
        assertThat(g.versionId()).isEqualTo(gold.versionId());
        assertThat(g.creationDate()).isEqualTo(gold.created());
        assertThat(g.lastExecutionDate()).isEqualTo(ago(Duration.ofMinutes(39)));
        assertThat(plans.get(1).lastExecutionDate()).isNull();
    }

    @Test
    void get_backup_plan_returns_every_rule_field_and_copy_action() {
        GetBackupPlanResponse r = backup.getBackupPlan(b -> b.backupPlanId(gold.id()));

        assertThat(r.backupPlanId()).isEqualTo(gold.id());
        assertThat(r.backupPlanArn()).isEqualTo(gold.arn());
        assertThat(r.versionId()).isEqualTo(gold.versionId());
        assertThat(r.creationDate()).isEqualTo(gold.created());
        assertThat(r.backupPlan().backupPlanName()).isEqualTo("gold-plan");
        BackupRule hourly = r.backupPlan().rules().get(0);
        assertThat(hourly.ruleName()).isEqualTo("hourly");
        assertThat(hourly.ruleId()).isEqualTo("rule-hourly");
        assertThat(hourly.targetBackupVaultName()).isEqualTo("prod-vault");
        assertThat(hourly.scheduleExpression()).isEqualTo("cron(0 * ? * * *)");
        assertThat(hourly.scheduleExpressionTimezone()).isEqualTo("Etc/UTC");
        assertThat(hourly.startWindowMinutes()).isEqualTo(60L);
        assertThat(hourly.completionWindowMinutes()).isEqualTo(120L);
        assertThat(hourly.lifecycle().deleteAfterDays()).isEqualTo(35L);
        assertThat(hourly.lifecycle().moveToColdStorageAfterDays()).isEqualTo(7L);
        assertThat(hourly.enableContinuousBackup()).isFalse();
        assertThat(hourly.copyActions()).singleElement().satisfies(c -> {
            assertThat(c.destinationBackupVaultArn()).isEqualTo(DR_VAULT);
            assertThat(c.lifecycle().deleteAfterDays()).isEqualTo(35L);
            assertThat(c.lifecycle().moveToColdStorageAfterDays()).isNull();
        });
        BackupRule continuous = r.backupPlan().rules().get(1);
        assertThat(continuous.enableContinuousBackup()).isTrue();
        assertThat(continuous.scheduleExpression()).isNull();
        assertThat(continuous.copyActions()).isEmpty();
    }

    @Test
    void scheduled_runs_preview_lists_the_next_cron_runs_in_the_rules_timezone() {
        List<ScheduledPlanExecutionMember> runs = backup.getBackupPlan(b -> b.backupPlanId(silver.id())
                .maxScheduledRunsPreview(2)).scheduledRunsPreview();

        // 05:00 in New York is 09:00 UTC in June (EDT); NOW is 12:00 UTC, so the next is tomorrow's.
        assertThat(runs).extracting(ScheduledPlanExecutionMember::executionTime).containsExactly(
                Instant.parse("2025-06-02T09:00:00Z"), Instant.parse("2025-06-03T09:00:00Z"));
        assertThat(runs).extracting(ScheduledPlanExecutionMember::ruleId).containsOnly("rule-daily");
        assertThat(runs.get(0).ruleExecutionTypeAsString()).isEqualTo("SNAPSHOTS");
    }

    @Test
    void a_preview_beyond_ten_runs_is_an_invalid_parameter() {
        assertThatThrownBy(() -> backup.getBackupPlan(b -> b.backupPlanId(gold.id()).maxScheduledRunsPreview(11)))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void an_unknown_plan_or_version_is_resource_not_found() {
        assertThatThrownBy(() -> backup.getBackupPlan(b -> b.backupPlanId("no-such-plan")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("no-such-plan");
        assertThatThrownBy(() -> backup.getBackupPlan(b -> b.backupPlanId(gold.id()).versionId("old-version")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("old-version");
        assertThatThrownBy(() -> backup.listBackupSelections(b -> b.backupPlanId("no-such-plan")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void list_backup_selections_names_each_selection_of_the_plan() {
        assertThat(backup.listBackupSelections(b -> b.backupPlanId(silver.id())).backupSelectionsList())
                .singleElement().satisfies(s -> {
                    assertThat(s.selectionId()).isEqualTo("sel-silver");
                    assertThat(s.selectionName()).isEqualTo("silver-by-tag");
                    assertThat(s.backupPlanId()).isEqualTo(silver.id());
                    assertThat(s.iamRoleArn()).isEqualTo(ROLE);
                    assertThat(s.creationDate()).isEqualTo(ago(Duration.ofDays(30)));
                });
    }

    @Test
    void get_backup_selection_returns_resources_tags_and_every_condition_list() {
        GetBackupSelectionResponse r = backup.getBackupSelection(b -> b.backupPlanId(silver.id()).selectionId("sel-silver"));
        BackupSelection s = r.backupSelection();

        assertThat(r.selectionId()).isEqualTo("sel-silver");
        assertThat(r.backupPlanId()).isEqualTo(silver.id());
        assertThat(r.creationDate()).isEqualTo(ago(Duration.ofDays(30)));
        assertThat(s.selectionName()).isEqualTo("silver-by-tag");
        assertThat(s.iamRoleArn()).isEqualTo(ROLE);
        assertThat(s.resources()).containsExactly("arn:aws:dynamodb:*:*:table/*");
        assertThat(s.notResources()).containsExactly(tableArn("scratch"));
        assertThat(s.listOfTags()).singleElement().satisfies(c -> {
            assertThat(c.conditionType()).isEqualTo(ConditionType.STRINGEQUALS);
            assertThat(c.conditionKey()).isEqualTo("backup");
            assertThat(c.conditionValue()).isEqualTo("yes");
        });
        assertThat(s.conditions().stringEquals()).containsExactly(ConditionParameter.builder()
                .conditionKey("aws:ResourceTag/backup-tier").conditionValue("silver").build());
        assertThat(s.conditions().stringNotEquals()).extracting(ConditionParameter::conditionValue).containsExactly("none");
        assertThat(s.conditions().stringLike()).extracting(ConditionParameter::conditionValue).containsExactly("prod*");
        assertThat(s.conditions().stringNotLike()).extracting(ConditionParameter::conditionKey)
                .containsExactly("aws:ResourceTag/team");
    }

    @Test
    void an_unknown_selection_is_resource_not_found() {
        assertThatThrownBy(() -> backup.getBackupSelection(b -> b.backupPlanId(gold.id()).selectionId("nope")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("nope");
    }

    @Test
    void list_backup_vaults_returns_lock_encryption_and_point_count() {
        List<BackupVaultListMember> vaults = backup.listBackupVaultsPaginator(b -> { }).backupVaultList().stream().toList();

        assertThat(vaults).extracting(BackupVaultListMember::backupVaultName)
                .containsExactly("airgap-vault", "legacy-vault", "prod-vault");
        BackupVaultListMember p = vaults.get(2);
        assertThat(p.backupVaultArn()).isEqualTo(prod.arn());
        assertThat(p.locked()).isTrue();
        assertThat(p.minRetentionDays()).isEqualTo(7L);
        assertThat(p.maxRetentionDays()).isEqualTo(365L);
        assertThat(p.lockDate()).isEqualTo(prod.lockDate());
        assertThat(p.encryptionKeyArn()).isEqualTo(prod.encryptionKeyArn());
        assertThat(p.encryptionKeyTypeAsString()).isEqualTo("CUSTOMER_MANAGED_KMS_KEY");
        assertThat(p.vaultType()).isEqualTo(VaultType.BACKUP_VAULT);
        assertThat(p.numberOfRecoveryPoints()).isEqualTo(2L);
        assertThat(p.creationDate()).isEqualTo(prod.created());
        BackupVaultListMember legacy = vaults.get(1);
        assertThat(legacy.locked()).isFalse();
        assertThat(legacy.minRetentionDays()).isNull();
        assertThat(legacy.lockDate()).isNull();
        assertThat(legacy.numberOfRecoveryPoints()).isZero();
    }

    @Test
    void by_vault_type_keeps_vaults_of_that_type() {
        assertThat(backup.listBackupVaults(b -> b.byVaultType(VaultType.LOGICALLY_AIR_GAPPED_BACKUP_VAULT))
                .backupVaultList()).extracting(BackupVaultListMember::backupVaultName).containsExactly("airgap-vault");
    }

    @Test
    void by_shared_lists_no_vault_because_nothing_is_shared_with_the_caller() {
        assertThat(backup.listBackupVaults(b -> b.byShared(true)).backupVaultList()).isEmpty();
        assertThat(backup.listBackupVaults(b -> b.byShared(false)).backupVaultList()).hasSize(3);
    }

    @Test
    void an_unknown_vault_type_is_an_invalid_parameter() {
        assertThatThrownBy(() -> backup.listBackupVaults(b -> b.byVaultType("COLD_VAULT")))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("COLD_VAULT");
    }

    @Test
    void describe_backup_vault_returns_every_lock_and_key_field() {
        DescribeBackupVaultResponse v = backup.describeBackupVault(b -> b.backupVaultName("prod-vault"));

        assertThat(v.backupVaultName()).isEqualTo("prod-vault");
        assertThat(v.backupVaultArn()).isEqualTo(prod.arn());
        assertThat(v.locked()).isTrue();
        assertThat(v.minRetentionDays()).isEqualTo(7L);
        assertThat(v.maxRetentionDays()).isEqualTo(365L);
        assertThat(v.lockDate()).isEqualTo(NOW.minus(Duration.ofDays(100)));
        assertThat(v.encryptionKeyArn()).isEqualTo(prod.encryptionKeyArn());
        assertThat(v.encryptionKeyTypeAsString()).isEqualTo("CUSTOMER_MANAGED_KMS_KEY");
        assertThat(v.vaultType()).isEqualTo(VaultType.BACKUP_VAULT);
        assertThat(v.vaultStateAsString()).isEqualTo("AVAILABLE");
        assertThat(v.numberOfRecoveryPoints()).isEqualTo(2L);
    }

    @Test
    void describe_an_unknown_vault_is_resource_not_found() {
        assertThatThrownBy(() -> backup.describeBackupVault(b -> b.backupVaultName("ghost")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("ghost");
    }

    @Test
    void a_vault_of_another_account_is_not_found_as_none_is_shared() {
        assertThatThrownBy(() -> backup.describeBackupVault(b -> b.backupVaultName("prod-vault")
                .backupVaultAccountId("222222222222")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("222222222222");
    }
}
