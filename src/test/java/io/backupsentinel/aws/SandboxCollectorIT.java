package io.backupsentinel.aws;

import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.BackupJob;
import io.backupsentinel.model.BackupPlan;
import io.backupsentinel.model.CopyJob;
import io.backupsentinel.model.ExportRecord;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RestoreJob;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Vault;
import io.backupsentinel.sandbox.fault.Selector;
import io.backupsentinel.sandbox.scenario.ScenarioLoader;
import io.backupsentinel.sandbox.state.VirtualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collector against the embedded sandbox serving the demo world over HTTP with the real SDK: the demo's
 * facts come back, a sweep costs few calls per table, and each injected fault makes only its own facts
 * unknown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxCollectorIT {
    private static final String OWN = "111111111111";
    private static final String OTHER = "222222222222";
    private static final String ROLE = "arn:aws:iam::222222222222:role/BackupSentinelAudit";
    private static final Duration LOOKBACK = Duration.ofDays(35);

    private final VirtualClock clock = VirtualClock.system();
    private final Map<String, LongAdder> heard = new ConcurrentHashMap<>();
    private SandboxFixture sandbox;

    @BeforeAll
    void start() {
        sandbox = new SandboxFixture(ScenarioLoader.demo(clock));
    }

    @BeforeEach
    void resetFaults() {
        sandbox.resetFaults();
        heard.clear();
    }

    @AfterAll
    void stop() {
        sandbox.close();
    }

    private AwsCollector collector(String... regions) {
        return collector(AwsSettings.RateLimits.DEFAULT, regions);
    }

    private AwsCollector collector(AwsSettings.RateLimits limits, String... regions) {
        AwsSettings s = AwsSettings.defaults().withRegions(List.of(regions))
                .withAccounts(List.of(AwsSettings.Account.SELF, new AwsSettings.Account(ROLE, null, null)))
                .withRateLimits(limits)
                .withEndpoint(sandbox.endpoint(), StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "not-a-secret")));
        return new AwsCollector(s, (service, op, outcome) ->
                heard.computeIfAbsent(op + " " + outcome, k -> new LongAdder()).increment(), clock);
    }

    private long heard(String operationAndOutcome) {
        LongAdder n = heard.get(operationAndOutcome);
        return n == null ? 0 : n.sum();
    }

    private static TableFacts table(RegionSnapshot s, String name) {
        return s.tables().stream().filter(t -> t.table().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void targets_are_the_callers_and_the_roles_accounts_in_every_region() {
        try (AwsCollector c = collector("us-east-1", "eu-west-1")) {
            assertThat(c.targets()).containsExactly(new Target(OWN, "us-east-1"), new Target(OWN, "eu-west-1"),
                    new Target(OTHER, "us-east-1"), new Target(OTHER, "eu-west-1"));
        }
    }

    @Test
    void the_demo_worlds_facts_come_back_as_the_scenario_states_them() {
        RegionSnapshot s;
        try (AwsCollector c = collector("us-east-1")) {
            s = c.collect(new Target(OWN, "us-east-1"), CollectionRequest.everything(LOOKBACK));
        }
        Instant now = clock.instant();
        assertThat(s.failure()).isNull();
        assertThat(s.tables()).hasSize(14);
        TableFacts orders = table(s, "orders");
        assertThat(orders.tags()).containsEntry("backup-tier", "gold");
        assertThat(orders.pitr().value().enabled()).isTrue();
        assertThat(orders.pitr().value().recoveryPeriodDays()).isEqualTo(35);
        assertThat(Duration.between(orders.pitr().value().latestRestorable(), now)).isLessThan(Duration.ofMinutes(10));
        assertThat(orders.onDemandBackups().value()).anySatisfy(b -> assertThat(b.type()).isEqualTo("USER"));
        assertThat(orders.recoveryPoints().value()).extracting(RecoveryPoint::vaultName).contains("prod-vault");
        assertThat(orders.plans().value()).extracting(BackupPlan::name).contains("gold-plan", "silver-plan");
        BackupPlan gold = orders.plans().value().stream().filter(p -> p.name().equals("gold-plan")).findFirst()
                .orElseThrow();
        assertThat(gold.selections().get(0).resources()).contains(orders.table().arn());
        assertThat(gold.selections().get(0).iamRoleArn()).startsWith("arn:aws:iam::" + OWN + ":role/");
        assertThat(gold.rules().get(0).copyActions().get(0).destinationRegion()).isEqualTo("eu-west-1");
        Vault prod = orders.vaults().value().get("prod-vault");
        assertThat(prod.locked()).isTrue();
        assertThat(prod.encryptionKeyType()).isEqualTo("CUSTOMER_MANAGED_KMS_KEY");
        assertThat(orders.vaults().value().get("legacy-vault").locked()).isFalse();
        assertThat(orders.copyJobs().value()).extracting(CopyJob::state).contains("COMPLETED");
        assertThat(orders.exports().value()).first().satisfies(e -> {
            assertThat(e.status()).isEqualTo("COMPLETED");
            assertThat(e.sseAlgorithm()).isEqualTo("KMS");
            assertThat(e.s3Prefix()).isEqualTo("orders");
        });
        assertThat(orders.restoreJobs().value()).anySatisfy(r -> {
            assertThat(r.validationStatus()).isEqualTo("SUCCESSFUL");
            assertThat(r.restoreTestingPlanArn()).contains("weekly-restore-test");
        });
        assertThat(table(s, "payments").pitr().value().enabled()).isFalse();
        assertThat(table(s, "sessions").pitr().value().recoveryPeriodDays()).isEqualTo(7);
        assertThat(table(s, "ledger").recoveryPoints().value()).extracting(RecoveryPoint::status)
                .contains("PARTIAL", "EXPIRED", "COMPLETED");
        assertThat(table(s, "events").exports().value()).extracting(ExportRecord::status)
                .containsExactly("FAILED", "COMPLETED");
        assertThat(table(s, "events").exports().value().get(0).failureCode()).isEqualTo("S3NoSuchBucket");
        assertThat(table(s, "profiles").restoreJobs().value()).extracting(RestoreJob::validationStatusMessage)
                .contains("Validation script exited 1: item count 0 < expected 1000");
        assertThat(table(s, "shipments").backupJobs().value()).filteredOn(j -> j.state().equals("FAILED"))
                .extracting(BackupJob::statusMessage).containsExactly("Insufficient privileges to perform backup");
        assertThat(table(s, "scratch").plans()).isSameAs(orders.plans());
        assertThat(s.requests()).containsEntry("DescribeContinuousBackups", 14L);
    }

    @Test
    void a_sweep_of_a_fleet_costs_at_most_1_2_calls_per_table() {
        String fleet = """
                accounts:
                  - id: "444444444444"
                    access_keys: [AKIAFLEETTEST0000001]
                    regions:
                      us-east-1:
                        generate:
                          count: 2000
                          prefix: fleet-
                          tags: {env: prod}
                          mix: {pitr_on: 0.8, in_plan: 0.7, on_demand: 0.3, export: 0.05, failed_job: 0.02,
                                restore_tested: 0.05}
                          recovery_points_per_table: 2
                """;
        VirtualClock fleetClock = VirtualClock.system();
        try (SandboxFixture fleetBox = new SandboxFixture(ScenarioLoader.load("fleet.yml", new StringReader(fleet),
                fleetClock));
             AwsCollector c = new AwsCollector(AwsSettings.defaults().withRegions(List.of("us-east-1"))
                     .withRateLimits(new AwsSettings.RateLimits(Map.of(), 50))
                     .withEndpoint(fleetBox.endpoint(), StaticCredentialsProvider.create(
                             AwsBasicCredentials.create("AKIAFLEETTEST0000001", "not-a-secret"))),
                     AwsRequestListener.NONE, fleetClock)) {
            RegionSnapshot s = c.collect(new Target("444444444444", "us-east-1"), CollectionRequest.everything(LOOKBACK));

            assertThat(s.failure()).isNull();
            assertThat(s.tables()).hasSize(2000);
            assertThat(s.tables()).allSatisfy(t -> assertThat(t.pitr().known()).isTrue());
            long calls = s.requests().values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("fleet of 2000 tables: %d calls, %.3f per table, %s%n", calls, calls / 2000.0,
                    s.requests());
            assertThat(calls / 2000.0).isLessThanOrEqualTo(1.2);
        }
    }

    @Test
    void a_throttling_storm_on_one_table_makes_only_its_pitr_unknown() {
        sandbox.throttlePitrOf("payments");
        RegionSnapshot s;
        try (AwsCollector c = collector("us-east-1")) {
            s = c.collect(new Target(OWN, "us-east-1"), CollectionRequest.everything(LOOKBACK));
        }

        assertThat(s.failure()).isNull();
        assertThat(table(s, "payments").pitr().cause()).isEqualTo(
                "DescribeContinuousBackups: ThrottlingException: Rate exceeded (after 4 attempts)");
        assertThat(table(s, "payments").onDemandBackups().known()).isTrue();
        assertThat(s.tables()).filteredOn(t -> !t.table().name().equals("payments"))
                .allSatisfy(t -> assertThat(t.pitr().known()).as(t.table().name()).isTrue());
        assertThat(heard("DescribeContinuousBackups throttled")).isEqualTo(4);
        assertThat(heard("DescribeContinuousBackups success")).isEqualTo(13);
    }

    @Test
    void a_denied_assume_role_fails_only_that_accounts_targets() {
        sandbox.resetFaults().deny(Selector.operation("sts", "AssumeRole"));
        try (AwsCollector c = collector("us-east-1")) {
            RegionSnapshot other = c.collect(new Target(OTHER, "us-east-1"), pitrOnly());
            RegionSnapshot own = c.collect(new Target(OWN, "us-east-1"), pitrOnly());

            assertThat(other.failure()).startsWith("AssumeRole " + ROLE + " denied: AccessDenied");
            assertThat(other.tables()).isEmpty();
            assertThat(own.failure()).isNull();
            assertThat(own.tables()).hasSize(14);
        }
    }

    @Test
    void a_region_that_is_down_fails_only_that_target() {
        sandbox.resetFaults().down(OWN, "eu-west-1");
        try (AwsCollector c = collector("us-east-1", "eu-west-1")) {
            RegionSnapshot down = c.collect(new Target(OWN, "eu-west-1"), pitrOnly());
            RegionSnapshot up = c.collect(new Target(OWN, "us-east-1"), pitrOnly());
            RegionSnapshot otherAccount = c.collect(new Target(OTHER, "eu-west-1"), pitrOnly());

            assertThat(down.failure()).startsWith("ListTables: ").contains("(after 4 attempts)");
            assertThat(up.failure()).isNull();
            assertThat(otherAccount.failure()).isNull();
        }
    }

    @Test
    void a_denied_aws_backup_makes_only_the_backup_facts_unknown() {
        sandbox.resetFaults().deny(OWN, "backup");
        RegionSnapshot s;
        try (AwsCollector c = collector("us-east-1")) {
            s = c.collect(new Target(OWN, "us-east-1"), CollectionRequest.everything(LOOKBACK));
        }

        TableFacts orders = table(s, "orders");
        assertThat(orders.pitr().known()).isTrue();
        assertThat(orders.onDemandBackups().known()).isTrue();
        assertThat(orders.exports().known()).isTrue();
        assertThat(List.of(orders.plans(), orders.vaults(), orders.recoveryPoints(), orders.backupJobs(),
                orders.copyJobs(), orders.restoreJobs())).allSatisfy(f -> assertThat(f.cause()).contains("AccessDenied"));
    }

    @Test
    void pacing_at_the_servers_published_limit_avoids_failures_where_it_throttles() {
        // A server that allows one DescribeContinuousBackups per 10 s; a collector told so paces itself.
        sandbox.resetFaults().limit(Selector.parse("*/ap-southeast-2/dynamodb/DescribeContinuousBackups"), 0.1, 1);
        AwsSettings.RateLimits slow = new AwsSettings.RateLimits(Map.of("DescribeContinuousBackups", 0.1), 1);
        try (AwsCollector c = collector(slow, "ap-southeast-2")) {
            RegionSnapshot s = c.collect(new Target(OWN, "ap-southeast-2"), pitrOnly());

            assertThat(s.tables()).extracting(t -> t.table().name()).containsExactlyInAnyOrder("ap-orders", "ap-sessions");
            assertThat(s.tables()).allSatisfy(t -> assertThat(t.pitr().value().enabled()).isTrue());
        }
    }

    private static CollectionRequest pitrOnly() {
        return new CollectionRequest(Set.of(FactKind.PITR), LOOKBACK, (t, tags) -> true);
    }
}
