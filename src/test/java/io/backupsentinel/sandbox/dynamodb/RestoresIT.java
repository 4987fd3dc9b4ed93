package io.backupsentinel.sandbox.dynamodb;

import io.backupsentinel.sandbox.state.DdbBackup;
import io.backupsentinel.testing.SandboxExtension;
import io.backupsentinel.testing.WorldBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.InvalidRestoreTimeException;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestoresIT {
    private final WorldBuilder world = WorldBuilder.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(world::world);

    private DynamoDbClient client() {
        return sandbox.start(new DynamoDbHandler(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(20))).dynamo();
    }

    @Test
    void a_point_in_time_restore_is_creating_until_the_restore_delay_passes_then_active() {
        var source = world.table("orders", Map.of("env", "prod"));
        world.pitr("orders", Duration.ofDays(3), 35);
        DynamoDbClient ddb = client();
        Instant at = world.now().minus(Duration.ofHours(1));

        TableDescription restored = ddb.restoreTableToPointInTime(r -> r.sourceTableName("orders")
                .targetTableName("orders-restored").restoreDateTime(at)).tableDescription();

        assertThat(restored.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(restored.restoreSummary().sourceTableArn()).isEqualTo(source.arn());
        assertThat(restored.restoreSummary().restoreDateTime()).isEqualTo(at);
        assertThat(restored.restoreSummary().restoreInProgress()).isTrue();
        assertThat(restored.tableId()).isNotEqualTo(source.tableId());
        world.world().clock().advance(Duration.ofMinutes(20));
        TableDescription later = ddb.describeTable(r -> r.tableName("orders-restored")).table();
        assertThat(later.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(later.restoreSummary().restoreInProgress()).isFalse();
        assertThat(ddb.listTagsOfResource(r -> r.resourceArn(later.tableArn())).tags()).isEmpty();
        assertThat(ddb.describeContinuousBackups(r -> r.tableName("orders-restored")).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    }

    @Test
    void backups_of_a_table_still_being_restored_are_unavailable() {
        world.table("orders", Map.of());
        world.pitr("orders", Duration.ofDays(3), 35);
        DynamoDbClient ddb = client();
        ddb.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("restoring").useLatestRestorableTime(true));

        assertThatThrownBy(() -> ddb.updateContinuousBackups(r -> r.tableName("restoring")
                .pointInTimeRecoverySpecification(s -> s.pointInTimeRecoveryEnabled(true))))
                .isInstanceOf(ContinuousBackupsUnavailableException.class);
        assertThatThrownBy(() -> ddb.createBackup(r -> r.tableName("restoring").backupName("too-early")))
                .isInstanceOf(ContinuousBackupsUnavailableException.class);
        world.world().clock().advance(Duration.ofMinutes(20));
        assertThat(ddb.createBackup(r -> r.tableName("restoring").backupName("in-time")).backupDetails().backupName())
                .isEqualTo("in-time");
    }

    @Test
    void restoring_to_the_latest_restorable_time_uses_it() {
        world.table("orders", Map.of());
        world.pitr("orders", Duration.ofDays(3), 35);
        DynamoDbClient ddb = client();

        TableDescription restored = ddb.restoreTableToPointInTime(r -> r.sourceTableName("orders")
                .targetTableName("latest").useLatestRestorableTime(true)).tableDescription();

        assertThat(restored.restoreSummary().restoreDateTime()).isEqualTo(world.now().minus(Duration.ofMinutes(5)));
    }

    @Test
    void restoring_a_table_without_pitr_is_point_in_time_recovery_unavailable() {
        world.table("payments", Map.of());
        DynamoDbClient ddb = client();

        assertThatThrownBy(() -> ddb.restoreTableToPointInTime(r -> r.sourceTableName("payments")
                .targetTableName("pay2").useLatestRestorableTime(true)))
                .isInstanceOf(PointInTimeRecoveryUnavailableException.class);
    }

    @Test
    void a_restore_time_outside_the_window_is_invalid() {
        world.table("orders", Map.of());
        world.pitr("orders", Duration.ofDays(3), 35);
        DynamoDbClient ddb = client();

        assertThatThrownBy(() -> ddb.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("ord2")
                .restoreDateTime(world.now().minus(Duration.ofDays(4)))))
                .isInstanceOf(InvalidRestoreTimeException.class);
        assertThatThrownBy(() -> ddb.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("ord2")
                .restoreDateTime(world.now().minus(Duration.ofMinutes(1)))))
                .isInstanceOf(InvalidRestoreTimeException.class);
    }

    @Test
    void restoring_onto_an_existing_table_or_from_a_missing_source_fails_as_aws_does() {
        world.table("orders", Map.of());
        world.table("taken", Map.of());
        world.pitr("orders", Duration.ofDays(3), 35);
        DynamoDbClient ddb = client();

        assertThatThrownBy(() -> ddb.restoreTableToPointInTime(r -> r.sourceTableName("orders").targetTableName("taken")
                .useLatestRestorableTime(true))).isInstanceOf(TableAlreadyExistsException.class);
        assertThatThrownBy(() -> ddb.restoreTableToPointInTime(r -> r.sourceTableName("gone").targetTableName("x-new")
                .useLatestRestorableTime(true))).isInstanceOf(TableNotFoundException.class);
    }

    @Test
    void a_restore_from_backup_names_the_backup_and_becomes_active() {
        world.table("orders", Map.of());
        DdbBackup b = world.backup("orders", "nightly", "USER", Duration.ofHours(6));
        DynamoDbClient ddb = client();

        TableDescription restored = ddb.restoreTableFromBackup(r -> r.backupArn(b.arn()).targetTableName("from-backup"))
                .tableDescription();

        assertThat(restored.tableStatus()).isEqualTo(TableStatus.CREATING);
        assertThat(restored.restoreSummary().sourceBackupArn()).isEqualTo(b.arn());
        assertThat(restored.restoreSummary().restoreDateTime()).isEqualTo(b.created());
        assertThat(restored.itemCount()).isEqualTo(10);
        world.world().clock().advance(Duration.ofMinutes(21));
        assertThat(ddb.describeTable(r -> r.tableName("from-backup")).table().tableStatus()).isEqualTo(TableStatus.ACTIVE);
    }

    @Test
    void restoring_a_missing_backup_is_backup_not_found() {
        DynamoDbClient ddb = client();
        String arn = "arn:aws:dynamodb:us-east-1:111111111111:table/orders/backup/01700000000000-deadbeef";

        assertThatThrownBy(() -> ddb.restoreTableFromBackup(r -> r.backupArn(arn).targetTableName("x-new")))
                .isInstanceOf(BackupNotFoundException.class);
    }
}
