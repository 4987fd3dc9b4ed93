package io.backupsentinel.sandbox;

import io.backupsentinel.sandbox.scenario.Scenario;
import io.backupsentinel.sandbox.scenario.ScenarioLoader;
import io.backupsentinel.sandbox.state.VirtualClock;
import io.backupsentinel.testing.AwsEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.resourcegroupstaggingapi.model.TagFilter;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bundled demo scenario, read through the real SDK: the DynamoDB facts each demo table is there to show. */
class DemoScenarioIT {
    private VirtualClock clock;
    private Sandbox sandbox;
    private AwsEndpoint aws;
    private DynamoDbClient ddb;

    @BeforeEach
    void start() {
        clock = VirtualClock.system();
        clock.freeze();
        // DynamoDB reports times in milliseconds; a whole-millisecond "now" keeps the comparisons exact.
        clock.set(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        Scenario scenario = ScenarioLoader.demo(clock);
        sandbox = Sandbox.start(scenario, 0);
        aws = AwsEndpoint.at(URI.create(sandbox.endpoint()));
        ddb = aws.dynamo();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private PointInTimeRecoveryDescription pitr(String table) {
        return ddb.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
    }

    @Test
    void the_pitr_states_of_the_demo_tables_show_as_the_scenario_describes_them() {
        Instant now = clock.instant();

        assertThat(pitr("orders").recoveryPeriodInDays()).isEqualTo(35);
        assertThat(pitr("orders").latestRestorableDateTime()).isEqualTo(now.minus(Duration.ofMinutes(5)));
        assertThat(pitr("payments").pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertThat(pitr("sessions").recoveryPeriodInDays()).isEqualTo(7);
        assertThat(pitr("inventory").latestRestorableDateTime()).isEqualTo(now.minus(Duration.ofHours(3)));
    }

    @Test
    void invoices_newest_user_backup_is_nine_days_old() {
        BackupSummary newest = ddb.listBackups(r -> r.tableName("invoices")).backupSummaries().stream()
                .max(Comparator.comparing(BackupSummary::backupCreationDateTime)).orElseThrow();

        assertThat(newest.backupCreationDateTime()).isEqualTo(clock.instant().minus(Duration.ofDays(9)));
    }

    @Test
    void events_shows_a_failed_export_newer_than_its_last_completed_one() {
        String arn = ddb.describeTable(r -> r.tableName("events")).table().tableArn();

        var exports = ddb.listExports(r -> r.tableArn(arn)).exportSummaries();

        assertThat(exports).extracting(e -> e.exportStatus()).containsExactlyInAnyOrder(ExportStatus.COMPLETED, ExportStatus.FAILED);
        var failed = exports.stream().filter(e -> e.exportStatus() == ExportStatus.FAILED).findFirst().orElseThrow();
        assertThat(ddb.describeExport(r -> r.exportArn(failed.exportArn())).exportDescription().failureCode())
                .isEqualTo("S3NoSuchBucket");
    }

    @Test
    void prod_tables_are_found_by_tag_and_scratch_is_not() {
        var arns = aws.tagging().getResourcesPaginator(r -> r.tagFilters(TagFilter.builder().key("env").values("prod").build()))
                .resourceTagMappingList().stream().map(m -> m.resourceARN()).toList();

        assertThat(arns).contains("arn:aws:dynamodb:us-east-1:111111111111:table/orders")
                .doesNotContain("arn:aws:dynamodb:us-east-1:111111111111:table/scratch").hasSize(13);
    }

    @Test
    void the_audit_role_reaches_the_staging_account() {
        var c = aws.sts().assumeRole(r -> r
                .roleArn("arn:aws:iam::222222222222:role/BackupSentinelAudit").roleSessionName("sentinel")).credentials();
        var keys = StaticCredentialsProvider.create(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));

        assertThat(aws.as(keys).dynamo().listTables().tableNames()).containsExactly("staging-orders", "staging-users");
    }

    @Test
    void ap_southeast_2_throttles_every_describe_continuous_backups_in_awss_shape() {
        DynamoDbClient ap = aws.inRegion("ap-southeast-2").dynamo(o -> o.retryStrategy(b -> b.maxAttempts(1)));

        for (String table : new String[] {"ap-orders", "ap-sessions", "ap-orders"}) {
            assertThatThrownBy(() -> ap.describeContinuousBackups(r -> r.tableName(table)))
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.isThrottlingException()).isTrue());
        }
        assertThat(ap.listTables().tableNames()).containsExactly("ap-orders", "ap-sessions");
    }
}
