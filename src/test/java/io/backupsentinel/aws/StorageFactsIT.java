package io.backupsentinel.aws;

import io.backupsentinel.cost.PriceTable;
import io.backupsentinel.cost.StorageEstimate;
import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.RecoverySource;
import io.backupsentinel.model.TableDescription;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.Target;
import io.backupsentinel.sandbox.scenario.ScenarioLoader;
import io.backupsentinel.sandbox.state.VirtualClock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collector over real HTTP against the sandbox: the sizes of backups, recovery points and exports and the
 * table description come back as the scenario states them, and DescribeTable is asked once a day per table.
 */
class StorageFactsIT {
    private static final String ACCOUNT = "333333333333";
    private static final Target TARGET = new Target(ACCOUNT, "us-east-1");
    private static final String SCENARIO = """
            now: 2026-06-01T12:00:00Z
            accounts:
              - id: "333333333333"
                access_keys: [AKIASTORAGETEST00001]
                regions:
                  us-east-1:
                    vaults:
                      - {name: prod-vault}
                    tables:
                      - name: orders
                        items: 5000
                        size_bytes: 2147483648
                        pitr: true
                        backups:
                          - {created: -2d, size_bytes: 1073741824}
                          - {created: -1d, type: SYSTEM, size_bytes: 1073741824}
                        exports:
                          - {created: -3d, status: COMPLETED, billed_size_bytes: 536870912, items: 5000}
                        recovery_points:
                          - {created: -1d, vault: prod-vault, size_bytes: 1073741824,
                             lifecycle: {delete_after: 365d, cold_after: 30d}}
                          - {created: -40d, vault: prod-vault, size_bytes: 1073741824,
                             lifecycle: {delete_after: 365d, cold_after: 30d}}
                      - name: scratch
                        items: 10
            """;

    private final VirtualClock clock = VirtualClock.system();

    private AwsCollector collector(SandboxFixture box) {
        return new AwsCollector(AwsSettings.defaults().withRegions(List.of("us-east-1"))
                .withEndpoint(box.endpoint(), StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIASTORAGETEST00001", "not-a-secret"))),
                AwsRequestListener.NONE, clock);
    }

    private static TableFacts table(RegionSnapshot s, String name) {
        return s.tables().stream().filter(t -> t.table().name().equals(name)).findFirst().orElseThrow();
    }

    private static CollectionRequest request() {
        return CollectionRequest.everything(Duration.ofDays(400)).plus(FactKind.DESCRIPTION);
    }

    @Test
    void sizes_and_the_table_description_are_collected_and_describe_table_is_asked_once_a_day() {
        try (SandboxFixture box = new SandboxFixture(ScenarioLoader.load("storage.yml",
                new StringReader(SCENARIO), clock));
             AwsCollector c = collector(box)) {
            box.resetFaults();
            RegionSnapshot first = c.collect(TARGET, request());

            assertThat(first.failure()).isNull();
            assertThat(first.requests()).containsEntry("DescribeTable", 2L);
            TableFacts orders = table(first, "orders");
            TableDescription d = orders.description().value();
            assertThat(d.sizeBytes()).isEqualTo(2_147_483_648L);
            assertThat(d.itemCount()).isEqualTo(5000);
            assertThat(d.keySchema()).containsExactly(new TableDescription.KeyElement("id", "HASH"));
            assertThat(d.keyAttributeTypes()).containsEntry("id", "S");
            assertThat(d.billingMode()).isIn("PROVISIONED", "PAY_PER_REQUEST");
            assertThat(orders.recoveryPoints().value()).allSatisfy(rp ->
                    assertThat(rp.sizeBytes()).isEqualTo(1_073_741_824L));
            assertThat(orders.exports().value()).singleElement().satisfies(e -> {
                assertThat(e.billedSizeBytes()).isEqualTo(536_870_912L);
                assertThat(e.itemCount()).isEqualTo(5000L);
            });

            StorageEstimate e = StorageEstimate.of(orders, PriceTable.AWS_LIST_PRICES);
            assertThat(e.source(RecoverySource.PITR).value().bytes()).isEqualTo(2_147_483_648L);
            assertThat(e.source(RecoverySource.ON_DEMAND).value().bytes()).isEqualTo(2_147_483_648L);
            assertThat(e.source(RecoverySource.AWS_BACKUP).value().bytes()).isEqualTo(2_147_483_648L);
            assertThat(e.source(RecoverySource.EXPORT).value().bytes()).isEqualTo(536_870_912L);
            // 2 GiB × $0.20 + 2 GiB × $0.10 + 1 GiB warm × $0.10 + 1 GiB cold × $0.03 + 0.5 GiB × $0.023
            assertThat(e.total().value().monthlyUsd()).isCloseTo(0.40 + 0.20 + 0.10 + 0.03 + 0.0115,
                    org.assertj.core.api.Assertions.within(1e-9));

            clock.advance(Duration.ofHours(23));
            RegionSnapshot sameDay = c.collect(TARGET, request());
            assertThat(sameDay.requests()).doesNotContainKey("DescribeTable");
            assertThat(table(sameDay, "orders").description().value()).isEqualTo(d);

            clock.advance(Duration.ofHours(2));
            RegionSnapshot nextDay = c.collect(TARGET, request());
            assertThat(nextDay.requests()).containsEntry("DescribeTable", 2L);
        }
    }
}
