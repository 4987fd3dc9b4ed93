package io.backupsentinel.aws;

import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.BackupJob;
import io.backupsentinel.model.BackupPlan;
import io.backupsentinel.model.BackupSelection;
import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.PlanRule;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RestoreJob;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Vault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RegionCollectorTest {
    private static final Target TARGET = new Target("111111111111", "us-east-1");
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final FakeRegionApi api = new FakeRegionApi();
    private final Workers workers = new Workers(4);

    @AfterEach
    void close() {
        workers.close();
    }

    private RegionSnapshot collect(CollectionRequest request) {
        Caller caller = new Caller(new Pacer(AwsSettings.RateLimits.DEFAULT, () -> 0L, nanos -> { }), workers);
        return new RegionCollector(api, caller, Clock.fixed(NOW, ZoneOffset.UTC)).collect(TARGET, request, Map::of);
    }

    private static String arn(String table) {
        return TableRef.of(TARGET.account(), TARGET.region(), table).arn();
    }

    private void tables(String... names) {
        for (String n : names) {
            api.tables.add(n);
        }
    }

    private static TableFacts table(RegionSnapshot s, String name) {
        return s.tables().stream().filter(t -> t.table().name().equals(name)).findFirst().orElseThrow();
    }

    private static CollectionRequest only(FactKind... kinds) {
        return new CollectionRequest(Set.of(kinds), Duration.ofDays(7), (t, tags) -> true);
    }

    @Test
    void tables_out_of_scope_cost_no_per_table_call() {
        tables("orders", "scratch", "payments");
        api.tags.put(arn("orders"), Map.of("env", "prod"));
        api.tags.put(arn("payments"), Map.of("env", "prod"));
        api.tags.put(arn("scratch"), Map.of("env", "dev"));
        api.tags.put(arn("deleted-long-ago"), Map.of("env", "prod"));

        RegionSnapshot s = collect(new CollectionRequest(Set.of(FactKind.PITR), Duration.ofDays(7),
                (t, tags) -> "prod".equals(tags.get("env"))));

        assertThat(s.failure()).isNull();
        assertThat(s.tables()).extracting(t -> t.table().name()).containsExactly("orders", "payments");
        assertThat(table(s, "orders").tags()).containsEntry("env", "prod");
        assertThat(api.calls("DescribeContinuousBackups")).isEqualTo(2);
        assertThat(api.calls("ListTables")).isEqualTo(2);
    }

    @Test
    void pitr_states_land_on_their_own_tables() {
        tables("orders", "payments");
        PitrState on = new PitrState(true, 35, NOW.minus(Duration.ofDays(35)), NOW.minusSeconds(300));
        api.pitr.put("orders", on);

        RegionSnapshot s = collect(only(FactKind.PITR));

        assertThat(table(s, "orders").pitr().value()).isEqualTo(on);
        assertThat(table(s, "payments").pitr().value().enabled()).isFalse();
    }

    @Test
    void on_demand_backups_are_grouped_by_table_from_one_listing() {
        tables("orders", "invoices", "scratch");
        for (int i = 0; i < 5; i++) {
            api.backups.add(new RegionApi.Owned<>(arn(i % 2 == 0 ? "orders" : "invoices"), backup("b" + i)));
        }
        api.backups.add(new RegionApi.Owned<>(arn("dropped-table"), backup("orphan")));

        RegionSnapshot s = collect(only(FactKind.ON_DEMAND_BACKUPS));

        assertThat(table(s, "orders").onDemandBackups().value()).extracting(OnDemandBackup::name)
                .containsExactly("b0", "b2", "b4");
        assertThat(table(s, "invoices").onDemandBackups().value()).extracting(OnDemandBackup::name)
                .containsExactly("b1", "b3");
        assertThat(table(s, "scratch").onDemandBackups().value()).isEmpty();
        assertThat(api.calls("ListBackups")).isEqualTo(3);
        assertThat(api.lastSince).isEqualTo(NOW.minus(Duration.ofDays(7)));
    }

    @Test
    void facts_not_asked_for_cost_no_call_and_say_so() {
        tables("orders");

        RegionSnapshot s = collect(only(FactKind.PITR));

        TableFacts orders = table(s, "orders");
        assertThat(orders.onDemandBackups().cause()).isEqualTo(
                "on-demand backups were not collected: no rule in scope asked for them");
        assertThat(orders.plans().known()).isFalse();
        assertThat(orders.exports().known()).isFalse();
        assertThat(api.calls.keySet()).containsExactlyInAnyOrder("ListTables", "GetResources",
                "DescribeContinuousBackups");
    }

    @Test
    void a_region_whose_tables_cannot_be_listed_fails_as_a_whole() {
        tables("orders");
        api.fail("ListTables");

        RegionSnapshot s = collect(CollectionRequest.everything(Duration.ofDays(7)));

        assertThat(s.failure()).isEqualTo("ListTables: the first page failed: IllegalStateException: injected failure of ListTables");
        assertThat(s.tables()).isEmpty();
    }

    @Test
    void without_tags_the_scope_is_unknown_so_the_region_fails() {
        tables("orders");
        api.fail("GetResources");

        RegionSnapshot s = collect(CollectionRequest.everything(Duration.ofDays(7)));

        assertThat(s.failure()).startsWith("GetResources: ").endsWith("(tags decide which tables are in scope)");
    }

    @Test
    void a_throttled_pitr_call_makes_only_that_tables_pitr_unknown() {
        tables("orders", "payments", "sessions");
        api.pitr.put("orders", new PitrState(true, 35, NOW, NOW));
        api.fail("DescribeContinuousBackups:payments");

        RegionSnapshot s = collect(CollectionRequest.everything(Duration.ofDays(7)));

        assertThat(s.failure()).isNull();
        assertThat(table(s, "payments").pitr().cause()).startsWith("DescribeContinuousBackups: ");
        assertThat(table(s, "payments").onDemandBackups().known()).isTrue();
        assertThat(table(s, "orders").pitr().value().enabled()).isTrue();
        assertThat(table(s, "sessions").pitr().known()).isTrue();
    }

    @Test
    void a_failed_job_listing_makes_only_those_jobs_unknown_in_the_region() {
        tables("orders", "payments");
        api.copyJobs.clear();
        api.fail("ListBackupJobs");

        RegionSnapshot s = collect(CollectionRequest.everything(Duration.ofDays(7)));

        for (TableFacts t : s.tables()) {
            assertThat(t.backupJobs().cause()).startsWith("ListBackupJobs: ");
            assertThat(t.copyJobs().known()).isTrue();
            assertThat(t.restoreJobs().known()).isTrue();
            assertThat(t.pitr().known()).isTrue();
        }
        assertThat(table(s, "orders").backupJobs()).isSameAs(table(s, "payments").backupJobs());
    }

    @Test
    void plans_are_read_with_their_selections_and_shared_between_tables() {
        tables("orders", "payments");
        BackupSelection byArn = new BackupSelection("sel-1", "by-arn", List.of(arn("orders")), List.of(),
                List.of(), List.of());
        BackupSelection byTag = new BackupSelection("sel-2", "by-tag", List.of("arn:aws:dynamodb:*:*:table/*"),
                List.of(), List.of(), List.of(new BackupSelection.Condition("StringEquals",
                "aws:ResourceTag/backup-tier", "silver")));
        PlanRule hourly = new PlanRule("hourly", "prod-vault", "cron(0 * ? * * *)", null, 35L, null, false, List.of());
        api.plans.add(new BackupPlan("p1", "arn:aws:backup:us-east-1:111111111111:backup-plan:p1", "gold-plan",
                List.of(hourly), List.of(byArn, byTag)));

        RegionSnapshot s = collect(only(FactKind.PLANS));

        List<BackupPlan> plans = table(s, "orders").plans().value();
        assertThat(plans).hasSize(1);
        assertThat(plans.get(0).selections()).containsExactly(byArn, byTag);
        assertThat(plans.get(0).rules()).containsExactly(hourly);
        assertThat(table(s, "payments").plans()).isSameAs(table(s, "orders").plans());
    }

    @Test
    void one_unreadable_selection_makes_all_plans_unknown() {
        tables("orders");
        api.plans.add(new BackupPlan("p1", "arn:p1", "gold-plan", List.of(), List.of(
                new BackupSelection("sel-1", "s", List.of(), List.of(), List.of(), List.of()))));
        api.fail("GetBackupSelection:sel-1");

        RegionSnapshot s = collect(only(FactKind.PLANS, FactKind.PITR));

        assertThat(table(s, "orders").plans().cause()).startsWith("GetBackupSelection: ");
        assertThat(table(s, "orders").pitr().known()).isTrue();
    }

    @Test
    void recovery_points_of_every_vault_are_grouped_by_table() {
        tables("orders", "ledger");
        api.vaults.add(vault("prod-vault"));
        api.vaults.add(vault("legacy-vault"));
        api.recoveryPoints.add(point("rp1", "orders", "prod-vault"));
        api.recoveryPoints.add(point("rp2", "orders", "legacy-vault"));
        api.recoveryPoints.add(point("rp3", "ledger", "prod-vault"));

        RegionSnapshot s = collect(only(FactKind.RECOVERY_POINTS, FactKind.VAULTS));

        assertThat(table(s, "orders").recoveryPoints().value()).extracting(RecoveryPoint::arn)
                .containsExactlyInAnyOrder("rp1", "rp2");
        assertThat(table(s, "ledger").recoveryPoints().value()).extracting(RecoveryPoint::arn).containsExactly("rp3");
        assertThat(table(s, "orders").vaults().value()).containsOnlyKeys("prod-vault", "legacy-vault");
        assertThat(table(s, "ledger").vaults()).isSameAs(table(s, "orders").vaults());
        assertThat(api.calls("ListRecoveryPointsByBackupVault")).isEqualTo(2);
    }

    @Test
    void a_vault_whose_points_cannot_be_listed_makes_points_unknown_but_keeps_vaults() {
        tables("orders");
        api.vaults.add(vault("prod-vault"));
        api.vaults.add(vault("legacy-vault"));
        api.fail("ListRecoveryPointsByBackupVault:legacy-vault");

        RegionSnapshot s = collect(only(FactKind.RECOVERY_POINTS, FactKind.VAULTS));

        assertThat(table(s, "orders").recoveryPoints().cause())
                .startsWith("ListRecoveryPointsByBackupVault: ").endsWith("(vault legacy-vault)");
        assertThat(table(s, "orders").vaults().known()).isTrue();
    }

    @Test
    void restore_jobs_are_linked_by_source_arn_backup_arn_or_recovery_point() {
        tables("orders", "profiles", "ledger");
        api.vaults.add(vault("prod-vault"));
        api.recoveryPoints.add(point("arn:aws:backup:us-east-1:111111111111:recovery-point:rp-l", "ledger",
                "prod-vault"));
        api.restoreJobs.add(restore("by-source", arn("orders"), "arn:aws:backup:us-east-1:111111111111:recovery-point:x"));
        api.restoreJobs.add(restore("by-backup-arn", null, arn("profiles") + "/backup/01700000000000-abcd"));
        api.restoreJobs.add(restore("by-point", null, "arn:aws:backup:us-east-1:111111111111:recovery-point:rp-l"));
        api.restoreJobs.add(restore("unlinked", null, "arn:aws:backup:us-east-1:111111111111:recovery-point:old"));

        RegionSnapshot s = collect(only(FactKind.RESTORE_JOBS));

        assertThat(table(s, "orders").restoreJobs().value()).extracting(RestoreJob::id).containsExactly("by-source");
        assertThat(table(s, "profiles").restoreJobs().value()).extracting(RestoreJob::id)
                .containsExactly("by-backup-arn");
        assertThat(table(s, "ledger").restoreJobs().value()).extracting(RestoreJob::id).containsExactly("by-point");
        assertThat(table(s, "ledger").recoveryPoints().known()).as("not asked for").isFalse();
    }

    @Test
    void restore_jobs_needing_unknown_recovery_points_are_unknown_not_empty() {
        tables("ledger");
        api.vaults.add(vault("prod-vault"));
        api.fail("ListRecoveryPointsByBackupVault");
        api.restoreJobs.add(restore("by-point", null, "arn:aws:backup:us-east-1:111111111111:recovery-point:rp-l"));

        RegionSnapshot s = collect(only(FactKind.RESTORE_JOBS));

        assertThat(table(s, "ledger").restoreJobs().cause())
                .startsWith("ListRestoreJobs: 1 restore jobs could not be linked to tables");
    }

    @Test
    void exports_are_listed_once_and_only_the_needed_ones_described() {
        tables("events", "orders");
        String old = arn("events") + "/export/01700000000000-aaaa";
        String completed = arn("events") + "/export/01710000000000-bbbb";
        String failed = arn("events") + "/export/01720000000000-cccc";
        api.exports.add(new RegionApi.ExportSummary(old, "COMPLETED", "FULL_EXPORT"));
        api.exports.add(new RegionApi.ExportSummary(completed, "COMPLETED", "FULL_EXPORT"));
        api.exports.add(new RegionApi.ExportSummary(failed, "FAILED", "FULL_EXPORT"));
        api.exportDetails.put(completed, export(completed, "COMPLETED", Instant.ofEpochMilli(1710000000000L)));
        api.exportDetails.put(failed, export(failed, "FAILED", Instant.ofEpochMilli(1720000000000L)));

        RegionSnapshot s = collect(only(FactKind.EXPORTS));

        assertThat(table(s, "events").exports().value()).extracting(ExportRecord::arn).containsExactly(failed, completed);
        assertThat(table(s, "orders").exports().value()).isEmpty();
        assertThat(api.calls("DescribeExport")).isEqualTo(2);
    }

    @Test
    void a_failed_describe_export_makes_only_that_tables_exports_unknown() {
        tables("events", "orders");
        String e1 = arn("events") + "/export/01710000000000-bbbb";
        String o1 = arn("orders") + "/export/01710000000000-dddd";
        api.exports.add(new RegionApi.ExportSummary(e1, "COMPLETED", "FULL_EXPORT"));
        api.exports.add(new RegionApi.ExportSummary(o1, "COMPLETED", "FULL_EXPORT"));
        api.exportDetails.put(o1, export(o1, "COMPLETED", NOW));
        api.fail("DescribeExport:" + e1);

        RegionSnapshot s = collect(only(FactKind.EXPORTS));

        assertThat(table(s, "events").exports().cause()).startsWith("DescribeExport: ");
        assertThat(table(s, "orders").exports().value()).hasSize(1);
    }

    @Test
    void backup_jobs_of_tables_out_of_scope_are_not_kept() {
        tables("shipments");
        api.backupJobs.add(new BackupJob("j1", arn("shipments"), "FAILED", NOW, null, "Insufficient privileges",
                "prod-vault", null));
        api.backupJobs.add(new BackupJob("j2", arn("elsewhere"), "FAILED", NOW, null, "x", "prod-vault", null));

        RegionSnapshot s = collect(only(FactKind.BACKUP_JOBS));

        assertThat(table(s, "shipments").backupJobs().value()).extracting(BackupJob::id).containsExactly("j1");
    }

    private static OnDemandBackup backup(String name) {
        return new OnDemandBackup("arn:backup:" + name, name, NOW, "AVAILABLE", "USER", 10L, null);
    }

    private static Vault vault(String name) {
        return new Vault(name, "arn:aws:backup:us-east-1:111111111111:backup-vault:" + name, true, 7L, 365L, NOW,
                "arn:aws:kms:us-east-1:111111111111:key/k", "CUSTOMER_MANAGED_KMS_KEY", "BACKUP_VAULT");
    }

    private static RecoveryPoint point(String rpArn, String table, String vault) {
        return new RecoveryPoint(rpArn, arn(table), vault, "arn:aws:backup:us-east-1:111111111111:backup-vault:" + vault,
                NOW, NOW, "COMPLETED", 35L, null, null, true, null, null);
    }

    private static RestoreJob restore(String id, String source, String rp) {
        return new RestoreJob(id, source, rp, "COMPLETED", NOW, NOW, null, "SUCCESSFUL", null, null, null);
    }

    private static ExportRecord export(String exportArn, String status, Instant time) {
        return new ExportRecord(exportArn, status, time, time, time, null, null, "bucket", "KMS", "FULL_EXPORT",
                "DYNAMODB_JSON");
    }
}
