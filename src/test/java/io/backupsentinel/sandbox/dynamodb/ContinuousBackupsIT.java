package io.backupsentinel.sandbox.dynamodb;

import io.backupsentinel.testing.SandboxExtension;
import io.backupsentinel.testing.WorldBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsStatus;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContinuousBackupsIT {
    private final WorldBuilder world = WorldBuilder.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(world::world);

    private PointInTimeRecoveryDescription pitr(DynamoDbClient ddb, String table) {
        return ddb.describeContinuousBackups(r -> r.tableName(table)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
    }

    @Test
    void pitr_window_round_trips_and_latest_trails_the_clock_by_five_minutes() {
        world.table("orders", Map.of());
        world.pitr("orders", Duration.ofDays(60), 35);
        DynamoDbClient ddb = sandbox.dynamo();

        var desc = ddb.describeContinuousBackups(r -> r.tableName("orders")).continuousBackupsDescription();

        assertThat(desc.continuousBackupsStatus()).isEqualTo(ContinuousBackupsStatus.ENABLED);
        PointInTimeRecoveryDescription p = desc.pointInTimeRecoveryDescription();
        assertThat(p.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(p.recoveryPeriodInDays()).isEqualTo(35);
        assertThat(p.earliestRestorableDateTime()).isEqualTo(world.now().minus(Duration.ofDays(35)));
        assertThat(p.latestRestorableDateTime()).isEqualTo(world.now().minus(Duration.ofMinutes(5)));
    }

    @Test
    void latest_restorable_time_follows_the_virtual_clock_when_it_advances() {
        world.table("orders", Map.of());
        world.pitr("orders", Duration.ofDays(2), 35);
        DynamoDbClient ddb = sandbox.dynamo();

        world.world().clock().advance(Duration.ofHours(3));

        PointInTimeRecoveryDescription p = pitr(ddb, "orders");
        assertThat(p.latestRestorableDateTime()).isEqualTo(world.now().minus(Duration.ofMinutes(5)));
        assertThat(p.earliestRestorableDateTime()).isEqualTo(world.now().minus(Duration.ofDays(2)).minus(Duration.ofHours(3)));
    }

    @Test
    void enabling_pitr_with_a_recovery_period_is_reported_back() {
        world.table("sessions", Map.of());
        DynamoDbClient ddb = sandbox.dynamo();

        var updated = ddb.updateContinuousBackups(r -> r.tableName("sessions").pointInTimeRecoverySpecification(
                s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(7)));

        assertThat(updated.continuousBackupsDescription().pointInTimeRecoveryDescription().recoveryPeriodInDays())
                .isEqualTo(7);
        PointInTimeRecoveryDescription p = pitr(ddb, "sessions");
        assertThat(p.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(p.recoveryPeriodInDays()).isEqualTo(7);
        assertThat(p.earliestRestorableDateTime()).isEqualTo(world.now());
    }

    @Test
    void disabling_pitr_reports_only_the_disabled_status() {
        world.table("payments", Map.of());
        world.pitr("payments", Duration.ofDays(1), 35);
        DynamoDbClient ddb = sandbox.dynamo();

        ddb.updateContinuousBackups(r -> r.tableName("payments")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(false)));

        PointInTimeRecoveryDescription p = pitr(ddb, "payments");
        assertThat(p.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
        assertThat(p.recoveryPeriodInDays()).isNull();
        assertThat(p.latestRestorableDateTime()).isNull();
    }

    @Test
    void a_recovery_period_beyond_35_days_is_a_validation_error() {
        world.table("orders", Map.of());
        DynamoDbClient ddb = sandbox.dynamo();

        assertThatThrownBy(() -> ddb.updateContinuousBackups(r -> r.tableName("orders").pointInTimeRecoverySpecification(
                s -> s.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(36))))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("recoveryPeriodInDays")
                            .contains("less than or equal to 35");
                });
    }

    @Test
    void an_unknown_table_is_table_not_found() {
        DynamoDbClient ddb = sandbox.dynamo();

        assertThatThrownBy(() -> ddb.describeContinuousBackups(r -> r.tableName("nope")))
                .isInstanceOf(TableNotFoundException.class)
                .hasMessageContaining("Table not found: nope");
    }

    @Test
    void the_table_may_be_named_by_its_arn() {
        world.table("orders", Map.of());
        world.pitr("orders", Duration.ofDays(1), 10);
        DynamoDbClient ddb = sandbox.dynamo();

        String arn = world.region(WorldBuilder.OWN_ACCOUNT, WorldBuilder.REGION).tableArn("orders");
        assertThat(pitr(ddb, arn).recoveryPeriodInDays()).isEqualTo(10);
    }
}
