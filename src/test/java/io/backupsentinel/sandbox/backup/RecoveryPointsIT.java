package io.backupsentinel.sandbox.backup;

import io.backupsentinel.sandbox.state.Plan;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.Vault;
import io.backupsentinel.testing.BackupWorldFixtures;
import io.backupsentinel.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.DescribeRecoveryPointResponse;
import software.amazon.awssdk.services.backup.model.InvalidParameterValueException;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultRequest;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RecoveryPointByResource;
import software.amazon.awssdk.services.backup.model.RecoveryPointStatus;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;
import software.amazon.awssdk.services.backup.model.StorageClass;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static io.backupsentinel.testing.BackupWorldFixtures.NOW;
import static io.backupsentinel.testing.BackupWorldFixtures.ago;
import static io.backupsentinel.testing.BackupWorldFixtures.tableArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecoveryPointsIT {
    private final BackupWorldFixtures fx = BackupWorldFixtures.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(fx::world);
    private BackupClient backup;
    private Vault prod;
    private Vault legacy;
    private Plan gold;
    private RecoveryPoint newest;
    private RecoveryPoint older;
    private RecoveryPoint partial;
    private RecoveryPoint ledgerInLegacy;

    @BeforeEach
    void setUp() {
        prod = fx.vault("us-east-1", "prod-vault", true, 7L, 365L, "CUSTOMER_MANAGED_KMS_KEY", "BACKUP_VAULT");
        legacy = fx.vault("legacy-vault");
        gold = fx.plan("gold-plan", List.of(BackupWorldFixtures.hourlyRule("rule-hourly", "prod-vault", 35L,
                List.of())), List.of());
        newest = fx.recoveryPoint("orders", prod).created(ago(Duration.ofMinutes(40))).lifecycle(35L, 7L)
                .plan(gold, "rule-hourly").add();
        older = fx.recoveryPoint("orders", prod).created(ago(Duration.ofDays(10))).lifecycle(35L, 7L)
                .plan(gold, "rule-hourly").add();
        partial = fx.recoveryPoint("ledger", prod).created(ago(Duration.ofHours(1)))
                .status("PARTIAL", "Some items were not backed up").add();
        ledgerInLegacy = fx.recoveryPoint("ledger", legacy).created(ago(Duration.ofDays(5))).add();
        backup = sandbox.backup();
    }

    private List<String> arnsInProd(Consumer<ListRecoveryPointsByBackupVaultRequest.Builder> filter) {
        return backup.listRecoveryPointsByBackupVaultPaginator(b -> filter.accept(b.backupVaultName("prod-vault")))
                .recoveryPoints().stream().map(RecoveryPointByBackupVault::recoveryPointArn).toList();
    }

    @Test
    void every_field_of_a_recovery_point_in_a_vault_reaches_the_sdk() {
        RecoveryPointByBackupVault rp = backup.listRecoveryPointsByBackupVault(b -> b.backupVaultName("prod-vault"))
                .recoveryPoints().get(0);

        assertThat(rp.recoveryPointArn()).isEqualTo(newest.arn());
        assertThat(rp.backupVaultName()).isEqualTo("prod-vault");
        assertThat(rp.backupVaultArn()).isEqualTo(prod.arn());
        assertThat(rp.resourceArn()).isEqualTo(tableArn("orders"));
        assertThat(rp.resourceType()).isEqualTo("DynamoDB");
        assertThat(rp.resourceName()).isEqualTo("orders");
        assertThat(rp.status()).isEqualTo(RecoveryPointStatus.COMPLETED);
        assertThat(rp.creationDate()).isEqualTo(newest.created());
        assertThat(rp.completionDate()).isEqualTo(newest.completed());
        assertThat(rp.isEncrypted()).isTrue();
        assertThat(rp.encryptionKeyArn()).isEqualTo(prod.encryptionKeyArn());
        assertThat(rp.encryptionKeyTypeAsString()).isEqualTo("CUSTOMER_MANAGED_KMS_KEY");
        assertThat(rp.lifecycle().deleteAfterDays()).isEqualTo(35L);
        assertThat(rp.lifecycle().moveToColdStorageAfterDays()).isEqualTo(7L);
        assertThat(rp.calculatedLifecycle().deleteAt()).isEqualTo(newest.created().plus(Duration.ofDays(35)));
        assertThat(rp.calculatedLifecycle().moveToColdStorageAt()).isEqualTo(newest.created().plus(Duration.ofDays(7)));
        assertThat(rp.createdBy().backupPlanId()).isEqualTo(gold.id());
        assertThat(rp.createdBy().backupPlanArn()).isEqualTo(gold.arn());
        assertThat(rp.createdBy().backupRuleId()).isEqualTo("rule-hourly");
        assertThat(rp.createdBy().backupPlanName()).isEqualTo("gold-plan");
        assertThat(rp.createdBy().backupRuleCron()).isEqualTo("cron(0 * ? * * *)");
        assertThat(rp.iamRoleArn()).isEqualTo(BackupWorldFixtures.ROLE);
        assertThat(rp.backupSizeInBytes()).isEqualTo(1_000_000L);
    }

    @Test
    void a_partial_point_carries_its_status_message_and_no_lifecycle() {
        RecoveryPointByBackupVault rp = backup.listRecoveryPointsByBackupVault(b -> b.backupVaultName("prod-vault")
                .byResourceArn(tableArn("ledger"))).recoveryPoints().get(0);

        assertThat(rp.status()).isEqualTo(RecoveryPointStatus.PARTIAL);
        assertThat(rp.statusMessage()).isEqualTo("Some items were not backed up");
        assertThat(rp.calculatedLifecycle()).isNull();
        assertThat(rp.createdBy()).isNull();
    }

    @Test
    void a_copy_names_the_vault_it_was_copied_from() {
        Vault dr = fx.vault("eu-west-1", "dr-vault", true, 7L, 365L, "CUSTOMER_MANAGED_KMS_KEY", "BACKUP_VAULT");
        fx.recoveryPoint("orders", dr).inRegion("eu-west-1").copiedFrom(prod.arn()).plan(gold, "rule-hourly").add();

        try (BackupClient eu = sandbox.clients().inRegion("eu-west-1").backup()) {
            RecoveryPointByBackupVault copy = eu.listRecoveryPointsByBackupVault(b -> b.backupVaultName("dr-vault"))
                    .recoveryPoints().get(0);
            assertThat(copy.sourceBackupVaultArn()).isEqualTo(prod.arn());
            assertThat(copy.backupVaultArn()).isEqualTo(dr.arn());
            assertThat(copy.createdBy().backupPlanName()).as("plan looked up in its home region").isEqualTo("gold-plan");
        }
    }

    @Test
    void points_are_listed_newest_first() {
        assertThat(arnsInProd(b -> { })).containsExactly(newest.arn(), partial.arn(), older.arn());
    }

    @Test
    void by_resource_arn_keeps_that_tables_points() {
        assertThat(arnsInProd(b -> b.byResourceArn(tableArn("orders")))).containsExactly(newest.arn(), older.arn());
    }

    @Test
    void by_resource_type_keeps_dynamodb_points_and_drops_others() {
        assertThat(arnsInProd(b -> b.byResourceType("DynamoDB"))).hasSize(3);
        assertThat(arnsInProd(b -> b.byResourceType("EFS"))).isEmpty();
    }

    @Test
    void by_backup_plan_id_keeps_the_plans_points() {
        assertThat(arnsInProd(b -> b.byBackupPlanId(gold.id()))).containsExactly(newest.arn(), older.arn());
    }

    @Test
    void by_created_before_and_after_bound_the_creation_date() {
        assertThat(arnsInProd(b -> b.byCreatedBefore(ago(Duration.ofMinutes(50))))).containsExactly(partial.arn(), older.arn());
        assertThat(arnsInProd(b -> b.byCreatedAfter(ago(Duration.ofMinutes(50))))).containsExactly(newest.arn());
        assertThat(arnsInProd(b -> b.byCreatedAfter(ago(Duration.ofDays(11))).byCreatedBefore(ago(Duration.ofDays(9)))))
                .containsExactly(older.arn());
    }

    @Test
    void by_parent_recovery_point_arn_matches_no_point_that_has_no_parent() {
        assertThat(arnsInProd(b -> b.byParentRecoveryPointArn(newest.arn()))).isEmpty();
    }

    @Test
    void a_resource_type_outside_the_model_pattern_is_an_invalid_parameter() {
        assertThatThrownBy(() -> backup.listRecoveryPointsByBackupVault(b -> b.backupVaultName("prod-vault")
                .byResourceType("Dynamo DB!")))
                .isInstanceOf(InvalidParameterValueException.class)
                .hasMessageContaining("resourceType");
    }

    @Test
    void listing_a_vault_that_does_not_exist_is_resource_not_found() {
        assertThatThrownBy(() -> backup.listRecoveryPointsByBackupVault(b -> b.backupVaultName("no-such-vault")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("no-such-vault");
    }

    @Test
    void by_resource_lists_the_tables_points_across_vaults_with_their_vault_names() {
        List<RecoveryPointByResource> points = backup.listRecoveryPointsByResourcePaginator(
                b -> b.resourceArn(tableArn("ledger"))).recoveryPoints().stream().toList();

        assertThat(points).extracting(RecoveryPointByResource::recoveryPointArn)
                .containsExactly(partial.arn(), ledgerInLegacy.arn());
        assertThat(points).extracting(RecoveryPointByResource::backupVaultName)
                .containsExactly("prod-vault", "legacy-vault");
        RecoveryPointByResource first = points.get(0);
        assertThat(first.status()).isEqualTo(RecoveryPointStatus.PARTIAL);
        assertThat(first.statusMessage()).isEqualTo("Some items were not backed up");
        assertThat(first.creationDate()).isEqualTo(partial.created());
        assertThat(first.backupSizeBytes()).isEqualTo(1_000_000L);
        assertThat(first.encryptionKeyArn()).isEqualTo(prod.encryptionKeyArn());
        assertThat(first.resourceName()).isEqualTo("ledger");
    }

    @Test
    void by_resource_for_a_table_without_points_is_empty() {
        assertThat(backup.listRecoveryPointsByResource(b -> b.resourceArn(tableArn("scratch"))).recoveryPoints())
                .isEmpty();
    }

    @Test
    void describe_takes_the_recovery_point_arn_with_its_colons_in_the_path() {
        DescribeRecoveryPointResponse rp = backup.describeRecoveryPoint(b -> b.backupVaultName("prod-vault")
                .recoveryPointArn(older.arn()));

        assertThat(rp.recoveryPointArn()).isEqualTo(older.arn());
        assertThat(rp.resourceArn()).isEqualTo(tableArn("orders"));
        assertThat(rp.calculatedLifecycle().deleteAt()).isEqualTo(older.created().plus(Duration.ofDays(35)));
        assertThat(rp.storageClass()).as("10 days old with cold storage after 7").isEqualTo(StorageClass.COLD);
        assertThat(rp.vaultTypeAsString()).isEqualTo("BACKUP_VAULT");
        assertThat(rp.createdBy().backupRuleName()).isEqualTo("hourly");
    }

    @Test
    void describe_reports_warm_storage_before_the_cold_storage_date() {
        assertThat(backup.describeRecoveryPoint(b -> b.backupVaultName("prod-vault").recoveryPointArn(newest.arn()))
                .storageClass()).isEqualTo(StorageClass.WARM);
    }

    @Test
    void describe_a_point_of_another_vault_is_resource_not_found() {
        assertThatThrownBy(() -> backup.describeRecoveryPoint(b -> b.backupVaultName("legacy-vault")
                .recoveryPointArn(newest.arn())))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining(newest.arn());
        assertThat(NOW).isAfter(newest.created());
    }
}
