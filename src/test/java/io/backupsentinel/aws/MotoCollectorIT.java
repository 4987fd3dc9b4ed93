package io.backupsentinel.aws;

import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.Target;
import io.backupsentinel.model.Vault;
import io.backupsentinel.testing.AwsEndpoint;
import io.backupsentinel.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collector against moto 5.2.1 over HTTP with the real SDK: the DynamoDB, tagging and STS facts moto
 * holds come back exactly; the AWS Backup calls moto does not implement (selections, recovery points,
 * jobs) and its region-wide ListExports (moto requires TableArn, AWS does not) fail there, and exactly the
 * facts they feed become unknown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MotoCollectorIT {
    private static final String REGION = "us-east-1";
    private static final String ROLE = "arn:aws:iam::222222222222:role/BackupSentinelAudit";
    private static final AwsCredentialsProvider CREDS =
            AwsEndpoint.keys("AKIAIOSFODNN7EXAMPLE", "not-a-secret");

    private MotoServer moto;
    private AwsCollector collector;
    private String self;
    private Instant started;

    @BeforeAll
    void start() throws Exception {
        moto = MotoServer.startOrSkip("MotoCollectorIT");
        started = Instant.now();
        URI endpoint = moto.endpoint();
        AwsEndpoint aws = new AwsEndpoint(endpoint, REGION, CREDS);
        try (StsClient sts = aws.sts()) {
            self = sts.getCallerIdentity().account();
            try (DynamoDbClient ddb = aws.dynamo()) {
                createTable(ddb, "orders", Map.of("env", "prod", "backup-tier", "gold"));
                enablePitr(ddb, "orders", 35);
                ddb.createBackup(b -> b.tableName("orders").backupName("orders-manual"));
                createTable(ddb, "sessions", Map.of("env", "prod", "backup-tier", "silver"));
                enablePitr(ddb, "sessions", 7);
                createTable(ddb, "invoices", Map.of("env", "prod"));
                ddb.createBackup(b -> b.tableName("invoices").backupName("invoices-1"));
                ddb.createBackup(b -> b.tableName("invoices").backupName("invoices-2"));
                createTable(ddb, "scratch", Map.of("env", "dev"));
            }
            try (BackupClient backup = aws.backup()) {
                backup.createBackupVault(b -> b.backupVaultName("prod-vault"));
                backup.putBackupVaultLockConfiguration(b -> b.backupVaultName("prod-vault")
                        .minRetentionDays(7L).maxRetentionDays(365L));
                backup.createBackupPlan(b -> b.backupPlan(p -> p.backupPlanName("gold-plan").rules(r -> r
                        .ruleName("hourly").targetBackupVaultName("prod-vault")
                        .scheduleExpression("cron(0 * ? * * *)").lifecycle(l -> l.deleteAfterDays(35L)))));
            }
            // moto keys accounts by access key: the assumed role's keys land in account 222222222222.
            Credentials c = sts.assumeRole(b -> b.roleArn(ROLE).roleSessionName("fixture")).credentials();
            AwsCredentialsProvider other = StaticCredentialsProvider.create(
                    AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
            try (DynamoDbClient ddb = aws.as(other).dynamo()) {
                createTable(ddb, "staging-orders", Map.of("env", "staging"));
                enablePitr(ddb, "staging-orders", 35);
            }
        }
        AwsSettings settings = AwsSettings.defaults().withRegions(List.of(REGION))
                .withAccounts(List.of(AwsSettings.Account.SELF, new AwsSettings.Account(ROLE, null, null)))
                .withEndpoint(endpoint, CREDS);
        collector = new AwsCollector(settings, AwsRequestListener.NONE, Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        if (collector != null) {
            collector.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    void targets_are_the_callers_account_and_the_roles_account() {
        assertThat(collector.targets()).containsExactly(new Target(self, REGION), new Target("222222222222", REGION));
    }

    @Test
    void tables_tags_pitr_and_backups_come_back_as_moto_holds_them() {
        RegionSnapshot s = collector.collect(new Target(self, REGION), new CollectionRequest(
                java.util.Set.of(io.backupsentinel.model.FactKind.values()), Duration.ofDays(7),
                (t, tags) -> "prod".equals(tags.get("env"))));

        assertThat(s.failure()).isNull();
        assertThat(s.tables()).extracting(t -> t.table().name())
                .containsExactlyInAnyOrder("orders", "sessions", "invoices");
        TableFacts orders = table(s, "orders");
        assertThat(orders.table().arn()).isEqualTo("arn:aws:dynamodb:us-east-1:" + self + ":table/orders");
        assertThat(orders.tags()).isEqualTo(Map.of("env", "prod", "backup-tier", "gold"));
        assertThat(orders.pitr().value().enabled()).isTrue();
        assertThat(orders.pitr().value().recoveryPeriodDays()).isEqualTo(35);
        assertThat(orders.pitr().value().latestRestorable()).isAfter(started.minusSeconds(60));
        assertThat(table(s, "sessions").pitr().value().recoveryPeriodDays()).isEqualTo(7);
        assertThat(table(s, "invoices").pitr().value().enabled()).isFalse();
        assertThat(orders.onDemandBackups().value()).extracting(OnDemandBackup::name).containsExactly("orders-manual");
        assertThat(table(s, "invoices").onDemandBackups().value()).extracting(OnDemandBackup::name)
                .containsExactlyInAnyOrder("invoices-1", "invoices-2");
        assertThat(table(s, "invoices").onDemandBackups().value()).allSatisfy(b -> {
            assertThat(b.type()).isEqualTo("USER");
            assertThat(b.available()).isTrue();
        });
        Vault vault = orders.vaults().value().get("prod-vault");
        assertThat(vault.locked()).isTrue();
        assertThat(vault.minRetentionDays()).isEqualTo(7L);
        assertThat(vault.maxRetentionDays()).isEqualTo(365L);
        assertThat(s.requests()).containsEntry("DescribeContinuousBackups", 3L);
    }

    @Test
    void only_the_facts_fed_by_calls_moto_lacks_are_unknown() {
        RegionSnapshot s = collector.collect(new Target(self, REGION), CollectionRequest.everything(Duration.ofDays(7)));

        for (TableFacts t : s.tables()) {
            List<String> known = new ArrayList<>();
            if (t.pitr().known()) known.add("pitr");
            if (t.onDemandBackups().known()) known.add("onDemandBackups");
            if (t.vaults().known()) known.add("vaults");
            assertThat(known).as(t.table().name()).containsExactly("pitr", "onDemandBackups", "vaults");
            assertThat(t.plans().cause()).startsWith("ListBackupSelections: ");
            assertThat(t.recoveryPoints().cause()).startsWith("ListRecoveryPointsByBackupVault: ");
            assertThat(t.backupJobs().cause()).startsWith("ListBackupJobs: ");
            assertThat(t.copyJobs().cause()).startsWith("ListCopyJobs: ");
            assertThat(t.restoreJobs().cause()).startsWith("ListRestoreJobs: ");
            assertThat(t.exports().cause()).startsWith("ListExports: ");
        }
        assertThat(s.tables()).hasSize(4);
    }

    @Test
    void the_roles_account_is_collected_with_assumed_credentials() {
        RegionSnapshot s = collector.collect(new Target("222222222222", REGION),
                new CollectionRequest(java.util.Set.of(io.backupsentinel.model.FactKind.PITR), Duration.ofDays(7),
                        (t, tags) -> true));

        assertThat(s.failure()).isNull();
        assertThat(s.tables()).extracting(t -> t.table().arn())
                .containsExactly("arn:aws:dynamodb:us-east-1:222222222222:table/staging-orders");
        assertThat(s.tables().get(0).tags()).containsEntry("env", "staging");
        assertThat(s.tables().get(0).pitr().value().enabled()).isTrue();
    }

    private static TableFacts table(RegionSnapshot s, String name) {
        return s.tables().stream().filter(t -> t.table().name().equals(name)).findFirst().orElseThrow();
    }

    private static void createTable(DynamoDbClient ddb, String name, Map<String, String> tags) {
        ddb.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                .tags(tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                        .toList()));
    }

    private static void enablePitr(DynamoDbClient ddb, String table, int days) {
        ddb.updateContinuousBackups(b -> b.tableName(table).pointInTimeRecoverySpecification(
                p -> p.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(days)));
    }
}
