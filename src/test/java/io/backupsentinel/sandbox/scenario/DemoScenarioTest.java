package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.sandbox.fault.SandboxGate;
import io.backupsentinel.sandbox.http.AwsError;
import io.backupsentinel.sandbox.state.BackupJob;
import io.backupsentinel.sandbox.state.Export;
import io.backupsentinel.sandbox.state.Plan;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.RestoreJob;
import io.backupsentinel.sandbox.state.VirtualClock;
import io.backupsentinel.sandbox.state.World;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bundled demo scenario holds what the demo world table of the brief says, row by row. */
class DemoScenarioTest {
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static Scenario scenario;
    private static World world;
    private static Region use1;

    @BeforeAll
    static void load() {
        VirtualClock clock = VirtualClock.system();
        clock.freeze();
        clock.set(NOW);
        scenario = ScenarioLoader.demo(clock);
        world = scenario.world();
        use1 = world.account("111111111111").region("us-east-1");
    }

    private static List<RecoveryPoint> points(Region region, String table) {
        return region.recoveryPoints().values().stream().filter(rp -> rp.resourceName().equals(table))
                .sorted(Comparator.comparing(RecoveryPoint::created).reversed()).toList();
    }

    private static Duration age(Instant t) {
        return Duration.between(t, NOW);
    }

    @Test
    void unknown_access_keys_land_in_the_callers_own_account() {
        assertThat(world.accountForAccessKey("AKIAUNKNOWN")).isEqualTo("111111111111");
        assertThat(world.accountForAccessKey("AKIAIOSFODNN7EXAMPLE")).isEqualTo("111111111111");
    }

    @Test
    void account_222222222222_is_reachable_through_the_audit_role() {
        assertThat(world.account("222222222222").roles())
                .containsExactly("arn:aws:iam::222222222222:role/BackupSentinelAudit");
        Region staging = world.account("222222222222").region("us-east-1");
        assertThat(staging.tables().get("staging-orders").pitrEnabled()).isTrue();
        assertThat(staging.tables().get("staging-users").pitrEnabled()).isFalse();
        assertThat(staging.tables().get("staging-users").tags()).containsEntry("env", "staging");
    }

    @Test
    void orders_is_fully_covered() {
        var orders = use1.tables().get("orders");
        assertThat(orders.tags()).containsEntry("env", "prod").containsEntry("backup-tier", "gold");
        assertThat(orders.recoveryPeriodDays()).isEqualTo(35);
        assertThat(Duration.between(orders.latestRestorable(NOW), NOW)).isEqualTo(Duration.ofMinutes(5));
        assertThat(use1.backups().values()).filteredOn(b -> b.tableName().equals("orders"))
                .singleElement().satisfies(b -> {
                    assertThat(b.type()).isEqualTo("USER");
                    assertThat(age(b.created())).isEqualTo(Duration.ofHours(2));
                });
        List<RecoveryPoint> rps = points(use1, "orders");
        assertThat(rps).hasSize(96).allSatisfy(rp -> {
            assertThat(rp.status()).isEqualTo("COMPLETED");
            assertThat(rp.vaultName()).isEqualTo("prod-vault");
            assertThat(rp.deleteAfterDays()).isEqualTo(35L);
        });
        assertThat(age(rps.get(0).created())).isEqualTo(Duration.ofMinutes(40));
        assertThat(age(rps.get(1).created())).isEqualTo(Duration.ofMinutes(100));
        Plan gold = ScenarioRefs.plan(use1, "gold-plan");
        assertThat(rps.get(0).planId()).isEqualTo(gold.id());
        assertThat(gold.selections().get(0).resources()).contains(orders.arn());
        assertThat(gold.rules().get(0).scheduleExpression()).isEqualTo("cron(0 * ? * * *)");
        assertThat(gold.rules().get(0).copyActions()).singleElement().satisfies(c -> assertThat(
                c.destinationVaultArn()).isEqualTo("arn:aws:backup:eu-west-1:111111111111:backup-vault:dr-vault"));
        assertThat(use1.copyJobs()).filteredOn(j -> j.resourceName().equals("orders"))
                .allMatch(j -> j.state().equals("COMPLETED"))
                .anySatisfy(j -> assertThat(age(j.created())).isEqualTo(Duration.ofHours(3)));
        assertThat(use1.exports().values()).filteredOn(e -> e.tableArn().equals(orders.arn())).singleElement()
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo("COMPLETED");
                    assertThat(e.sseAlgorithm()).isEqualTo("KMS");
                    assertThat(age(e.exportTime())).isEqualTo(Duration.ofHours(20));
                });
        RestoreJob restore = restoreOf("orders");
        assertThat(restore.status()).isEqualTo("COMPLETED");
        assertThat(restore.validationStatus()).isEqualTo("SUCCESSFUL");
        assertThat(Duration.between(restore.created(), restore.completed())).isEqualTo(Duration.ofMinutes(20));
        assertThat(age(restore.created())).isEqualTo(Duration.ofDays(3));
        assertThat(restore.restoreTestingPlanArn())
                .isEqualTo(use1.restoreTestingPlans().get("weekly-restore-test").arn());
        assertThat(restore.recoveryPointArn()).isIn(rps.stream().map(RecoveryPoint::arn).toList());
        assertThat(jobs("orders")).hasSize(96).allMatch(j -> j.state().equals("COMPLETED"));
    }

    @Test
    void prod_vault_is_locked_with_a_customer_managed_key_and_legacy_vault_is_not() {
        var prod = use1.vaults().get("prod-vault");
        assertThat(prod.locked()).isTrue();
        assertThat(prod.minRetentionDays()).isEqualTo(7L);
        assertThat(prod.maxRetentionDays()).isEqualTo(365L);
        assertThat(prod.encryptionKeyType()).isEqualTo("CUSTOMER_MANAGED_KMS_KEY");
        var legacy = use1.vaults().get("legacy-vault");
        assertThat(legacy.locked()).isFalse();
        assertThat(legacy.encryptionKeyType()).isEqualTo("AWS_OWNED_KMS_KEY");
        assertThat(points(use1, "audit-log")).isNotEmpty().allMatch(rp -> rp.vaultName().equals("legacy-vault"));
        assertThat(ScenarioRefs.plan(use1, "legacy-plan").selections().get(0).resources())
                .containsExactly(use1.tableArn("audit-log"));
    }

    @Test
    void pitr_rows_show_disabled_short_and_stuck() {
        assertThat(use1.tables().get("payments").pitrEnabled()).isFalse();
        assertThat(use1.tables().get("sessions").recoveryPeriodDays()).isEqualTo(7);
        var inventory = use1.tables().get("inventory");
        assertThat(inventory.pitrEnabled()).isTrue();
        assertThat(Duration.between(inventory.latestRestorable(NOW), NOW)).isEqualTo(Duration.ofHours(3));
        assertThat(use1.tables().get("invoices").pitrEnabled()).isFalse();
    }

    @Test
    void invoices_has_only_user_backups_the_newest_9_days_old_and_no_plan_names_it() {
        assertThat(use1.backups().values()).filteredOn(b -> b.tableName().equals("invoices"))
                .hasSize(4).allMatch(b -> b.type().equals("USER"))
                .extracting(b -> age(b.created())).contains(Duration.ofDays(9)).allMatch(a -> a.toDays() >= 9);
        assertThat(points(use1, "invoices")).isEmpty();
        assertThat(use1.plans().values()).flatExtracting(Plan::selections).flatExtracting(Plan.Selection::resources)
                .doesNotContain(use1.tableArn("invoices"));
    }

    @Test
    void ledger_newest_point_is_partial_with_an_expired_one_and_a_5_day_old_completed() {
        List<RecoveryPoint> rps = points(use1, "ledger");
        assertThat(rps.get(0).status()).isEqualTo("PARTIAL");
        assertThat(age(rps.get(0).created())).isEqualTo(Duration.ofHours(1));
        assertThat(rps).filteredOn(rp -> rp.status().equals("EXPIRED")).singleElement()
                .satisfies(rp -> assertThat(age(rp.created())).isEqualTo(Duration.ofDays(2)));
        assertThat(rps).filteredOn(rp -> rp.status().equals("COMPLETED")).first()
                .satisfies(rp -> assertThat(age(rp.created())).isEqualTo(Duration.ofDays(5)));
    }

    @Test
    void customers_and_catalog_are_selected_only_through_tags_and_conditions() {
        Plan silver = ScenarioRefs.plan(use1, "silver-plan");
        Plan.Selection sel = silver.selections().get(0);
        assertThat(sel.resources()).containsExactly("arn:aws:dynamodb:*:*:table/*");
        assertThat(sel.conditions()).containsExactly(
                new Plan.TagCondition("StringEquals", "aws:ResourceTag/backup-tier", "silver"),
                new Plan.TagCondition("StringNotEquals", "aws:ResourceTag/copy", "none"));
        assertThat(silver.rules().get(0).deleteAfterDays()).isEqualTo(35L);
        Plan nocopy = ScenarioRefs.plan(use1, "nocopy-plan");
        assertThat(nocopy.selections().get(0).listOfTags())
                .containsExactly(new Plan.TagCondition("STRINGEQUALS", "copy", "none"));
        assertThat(nocopy.rules()).allMatch(r -> r.copyActions().isEmpty());
        assertThat(use1.tables().get("catalog").tags()).containsEntry("copy", "none");
        assertThat(points(use1, "customers")).isNotEmpty().allMatch(rp -> rp.planId().equals(silver.id()));
        assertThat(points(use1, "catalog")).isNotEmpty().allMatch(rp -> rp.planId().equals(nocopy.id()));
        assertThat(use1.copyJobs()).noneMatch(j -> j.resourceName().equals("catalog"));
    }

    @Test
    void events_has_an_old_completed_export_and_a_failed_one_yesterday() {
        List<Export> exports = use1.exports().values().stream()
                .filter(e -> e.tableArn().equals(use1.tableArn("events"))).toList();
        assertThat(exports).anySatisfy(e -> {
            assertThat(e.status()).isEqualTo("COMPLETED");
            assertThat(age(e.exportTime())).isEqualTo(Duration.ofDays(40));
        }).anySatisfy(e -> {
            assertThat(e.status()).isEqualTo("FAILED");
            assertThat(e.failureCode()).isEqualTo("S3NoSuchBucket");
            assertThat(e.failureMessage()).isEqualTo("The specified bucket does not exist");
            assertThat(age(e.startTime())).isEqualTo(Duration.ofDays(1));
        });
    }

    @Test
    void profiles_restore_completed_but_failed_validation() {
        RestoreJob job = restoreOf("profiles");
        assertThat(job.status()).isEqualTo("COMPLETED");
        assertThat(job.validationStatus()).isEqualTo("FAILED");
        assertThat(job.validationStatusMessage()).isEqualTo("Validation script exited 1: item count 0 < expected 1000");
        assertThat(age(job.created())).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void shipments_has_a_failed_backup_job_6_hours_ago_and_older_completed_ones() {
        List<BackupJob> jobs = jobs("shipments");
        assertThat(jobs).filteredOn(j -> j.state().equals("FAILED")).singleElement().satisfies(j -> {
            assertThat(j.statusMessage()).isEqualTo("Insufficient privileges to perform backup");
            assertThat(age(j.created())).isEqualTo(Duration.ofHours(6));
        });
        assertThat(jobs).filteredOn(j -> !j.state().equals("FAILED")).isNotEmpty()
                .allMatch(j -> j.state().equals("COMPLETED") && j.created().isBefore(NOW.minus(Duration.ofHours(6))));
    }

    @Test
    void scratch_has_nothing() {
        assertThat(use1.tables().get("scratch").tags()).containsExactlyEntriesOf(java.util.Map.of("env", "dev"));
        assertThat(points(use1, "scratch")).isEmpty();
        assertThat(use1.backups().values()).noneMatch(b -> b.tableName().equals("scratch"));
        assertThat(use1.exports().values()).noneMatch(e -> e.tableArn().endsWith("/scratch"));
    }

    @Test
    void dr_vault_in_eu_west_1_holds_copies_of_orders() {
        Region euw1 = world.account("111111111111").region("eu-west-1");
        assertThat(euw1.vaults().get("dr-vault").locked()).isTrue();
        assertThat(euw1.vaults().get("dr-vault").encryptionKeyType()).isEqualTo("CUSTOMER_MANAGED_KMS_KEY");
        assertThat(points(euw1, "orders")).hasSize(7).allSatisfy(rp -> {
            assertThat(rp.resourceArn()).isEqualTo(use1.tableArn("orders"));
            assertThat(rp.sourceBackupVaultArn()).isEqualTo(use1.vaultArn("prod-vault"));
            assertThat(rp.vaultName()).isEqualTo("dr-vault");
        });
    }

    @Test
    void restore_testing_plan_and_selection_exist() {
        var plan = use1.restoreTestingPlans().get("weekly-restore-test");
        assertThat(plan.scheduleExpression()).isEqualTo("cron(0 5 ? * SUN *)");
        assertThat(use1.restoreTestingSelections().get("weekly-restore-test/prod_tables").conditions())
                .containsExactly(new Plan.TagCondition("StringEquals", "aws:ResourceTag/env", "prod"));
    }

    @Test
    void ap_southeast_2_throttles_every_describe_continuous_backups_from_the_first_call() {
        Region apse2 = world.account("111111111111").region("ap-southeast-2");
        assertThat(apse2.tables()).containsOnlyKeys("ap-orders", "ap-sessions");
        assertThat(apse2.tables().values()).allMatch(t -> t.pitrEnabled());
        SandboxGate gate = scenario.gate();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> gate.admit("111111111111", "ap-southeast-2", "dynamodb", "DescribeContinuousBackups"))
                    .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("ThrottlingException"));
        }
        for (int i = 0; i < 50; i++) {
            gate.admit("111111111111", "us-east-1", "dynamodb", "DescribeContinuousBackups");
        }
    }

    private static RestoreJob restoreOf(String table) {
        return use1.restoreJobs().values().stream().filter(j -> use1.tableArn(table).equals(j.sourceResourceArn()))
                .findFirst().orElseThrow();
    }

    private static List<BackupJob> jobs(String table) {
        return use1.backupJobs().stream().filter(j -> j.resourceName().equals(table)).toList();
    }
}
