package io.backupsentinel.cost;

import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RecoverySource;
import io.backupsentinel.model.TableDescription;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.testing.CheckFactsBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static io.backupsentinel.testing.CheckFactsBuilder.ago;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StorageEstimateTest {
    private static final long GIB = 1L << 30;

    private static TableDescription size(long bytes) {
        return new TableDescription(bytes, 1000, List.of(new TableDescription.KeyElement("pk", "HASH")),
                Map.of("pk", "S"), "PAY_PER_REQUEST", null, null, NOW);
    }

    private static OnDemandBackup backup(String type, String status, Long bytes) {
        return new OnDemandBackup("arn:backup/" + type + bytes, "b", ago(Duration.ofDays(1)), status, type, bytes, null);
    }

    private static RecoveryPoint point(Duration age, String status, Long coldAfterDays, Long bytes) {
        return new RecoveryPoint("arn:rp:" + age, "arn:table", "v", "arn:aws:backup:us-east-1:111111111111:backup-vault:v",
                ago(age), ago(age), status, 365L, coldAfterDays, null, true, null, null, bytes);
    }

    private static ExportRecord export(String status, Duration age, Long bytes) {
        return new ExportRecord("arn:export:" + age, status, ago(age), ago(age), ago(age), null, null, "bucket",
                "AES256", "FULL_EXPORT", "DYNAMODB_JSON", bytes, 10L);
    }

    private static StorageEstimate.Amount amount(StorageEstimate e, RecoverySource s) {
        return e.source(s).value();
    }

    @Test
    void pitr_is_priced_on_the_table_size_in_binary_gigabytes_at_twenty_cents() {
        TableFacts f = CheckFactsBuilder.table("orders").pitrOn(35, Duration.ofMinutes(5)).description(size(10 * GIB))
                .build();

        StorageEstimate e = StorageEstimate.of(f, PriceTable.AWS_LIST_PRICES);

        assertThat(amount(e, RecoverySource.PITR).bytes()).isEqualTo(10 * GIB);
        assertThat(amount(e, RecoverySource.PITR).monthlyUsd()).isCloseTo(2.00, within(1e-9));
    }

    @Test
    void pitr_switched_off_holds_nothing_even_when_the_size_is_unknown() {
        TableFacts f = CheckFactsBuilder.table("orders").pitr(PitrState.disabled()).build();

        assertThat(amount(StorageEstimate.of(f, PriceTable.AWS_LIST_PRICES), RecoverySource.PITR))
                .isEqualTo(new StorageEstimate.Amount(0, 0));
    }

    @Test
    void pitr_on_with_an_unknown_table_size_is_unknown_not_zero() {
        TableFacts f = CheckFactsBuilder.table("orders").pitrOn(35, Duration.ofMinutes(5))
                .failed(FactKind.DESCRIPTION, "DescribeTable: AccessDeniedException").build();

        StorageEstimate e = StorageEstimate.of(f, PriceTable.AWS_LIST_PRICES);

        assertThat(e.source(RecoverySource.PITR).known()).isFalse();
        assertThat(e.source(RecoverySource.PITR).cause()).contains("AccessDeniedException");
        assertThat(e.total().known()).isFalse();
        assertThat(e.total().cause()).isEqualTo("total unknown: pitr unknown");
        assertThat(e.bytesSummary()).isEqualTo("on_demand=0 aws_backup=0 export=0");
    }

    @Test
    void on_demand_sums_the_available_user_and_system_backups_and_leaves_aws_backup_ones_to_aws_backup() {
        TableFacts f = CheckFactsBuilder.table("orders").onDemand(
                backup("USER", "AVAILABLE", 2 * GIB), backup("SYSTEM", "AVAILABLE", 3 * GIB),
                backup("AWS_BACKUP", "AVAILABLE", 100 * GIB), backup("USER", "DELETED", 100 * GIB),
                backup("USER", "CREATING", null)).build();

        StorageEstimate.Amount a = amount(StorageEstimate.of(f, PriceTable.AWS_LIST_PRICES), RecoverySource.ON_DEMAND);

        assertThat(a.bytes()).isEqualTo(5 * GIB);
        assertThat(a.monthlyUsd()).isCloseTo(0.50, within(1e-9));
    }

    @Test
    void an_available_backup_without_a_size_makes_on_demand_unknown() {
        TableFacts f = CheckFactsBuilder.table("orders").onDemand(backup("USER", "AVAILABLE", null)).build();

        StorageEstimate e = StorageEstimate.of(f, PriceTable.AWS_LIST_PRICES);

        assertThat(e.source(RecoverySource.ON_DEMAND).cause())
                .isEqualTo("ListBackups gave no BackupSizeBytes for 1 available backup(s)");
    }

    @Test
    void recovery_points_past_their_cold_storage_day_are_priced_as_cold_storage() {
        TableFacts f = CheckFactsBuilder.table("orders").recoveryPoints(
                point(Duration.ofDays(1), "COMPLETED", 30L, 4 * GIB),
                point(Duration.ofDays(40), "COMPLETED", 30L, 10 * GIB),
                point(Duration.ofDays(2), "EXPIRED", null, 50 * GIB)).build();

        StorageEstimate.Amount a = amount(StorageEstimate.of(f, PriceTable.AWS_LIST_PRICES), RecoverySource.AWS_BACKUP);

        assertThat(a.bytes()).isEqualTo(14 * GIB);
        // 4 GiB warm at $0.10 and 10 GiB cold at $0.03
        assertThat(a.monthlyUsd()).isCloseTo(0.40 + 0.30, within(1e-9));
    }

    @Test
    void exports_count_the_newest_completed_export_at_s3_standard_prices() {
        TableFacts f = CheckFactsBuilder.table("orders").exports(
                export("FAILED", Duration.ofDays(1), null),
                export("COMPLETED", Duration.ofDays(3), 100 * GIB),
                export("COMPLETED", Duration.ofDays(10), 90 * GIB)).build();

        StorageEstimate.Amount a = amount(StorageEstimate.of(f, PriceTable.AWS_LIST_PRICES), RecoverySource.EXPORT);

        assertThat(a.bytes()).isEqualTo(100 * GIB);
        assertThat(a.monthlyUsd()).isCloseTo(2.30, within(1e-9));
    }

    @Test
    void the_total_is_the_sum_of_every_source_when_all_are_known() {
        TableFacts f = CheckFactsBuilder.table("orders").pitrOn(35, Duration.ofMinutes(5)).description(size(GIB))
                .onDemand(backup("USER", "AVAILABLE", GIB))
                .recoveryPoints(point(Duration.ofDays(1), "COMPLETED", null, GIB))
                .exports(export("COMPLETED", Duration.ofDays(1), GIB)).build();

        StorageEstimate e = StorageEstimate.of(f, PriceTable.AWS_LIST_PRICES);

        assertThat(e.total().value().bytes()).isEqualTo(4 * GIB);
        assertThat(e.total().value().monthlyUsd()).isCloseTo(0.20 + 0.10 + 0.10 + 0.023, within(1e-9));
        assertThat(e.bytesSummary()).isEqualTo("pitr=" + GIB + " on_demand=" + GIB + " aws_backup=" + GIB
                + " export=" + GIB);
    }

    @Test
    void sources_not_collected_are_unknown_and_left_out_of_the_summary() {
        TableFacts f = CheckFactsBuilder.table("orders").failed(FactKind.PITR, "throttled")
                .failed(FactKind.ON_DEMAND_BACKUPS, "denied").failed(FactKind.RECOVERY_POINTS, "denied")
                .failed(FactKind.EXPORTS, "denied").build();

        StorageEstimate e = StorageEstimate.of(f, PriceTable.AWS_LIST_PRICES);

        assertThat(e.sources().values()).noneMatch(s -> s.known());
        assertThat(e.bytesSummary()).isEmpty();
        assertThat(e.total().cause()).isEqualTo("total unknown: pitr, on_demand, aws_backup, export unknown");
    }

    @Test
    void a_region_with_its_own_prices_is_priced_with_them() {
        Prices eu = new Prices(0.22, 0.11, 0.11, 0.033, 0.024);
        PriceTable prices = new PriceTable(Prices.US_EAST_1_LIST, Map.of("us-east-1", eu));
        TableFacts f = CheckFactsBuilder.table("orders").pitrOn(35, Duration.ofMinutes(5)).description(size(GIB))
                .build();

        assertThat(amount(StorageEstimate.of(f, prices), RecoverySource.PITR).monthlyUsd()).isCloseTo(0.22, within(1e-9));
        assertThat(prices.in("ap-south-1")).isEqualTo(Prices.US_EAST_1_LIST);
    }

    @Test
    void a_gigabyte_is_two_to_the_thirtieth_bytes_as_aws_bills_storage() {
        assertThat(PriceTable.monthlyUsd(1_000_000_000L, 1.0)).isCloseTo(0.931322574615, within(1e-9));
        assertThat(PriceTable.monthlyUsd(GIB, 0.023)).isEqualTo(0.023);
    }

    @Test
    void a_negative_or_infinite_price_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Prices(-0.1, 0, 0, 0, 0))
                .hasMessageContaining("pitr price must be");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Prices(0, 0, 0, 0, Double.POSITIVE_INFINITY))
                .hasMessageContaining("export price must be");
    }
}
