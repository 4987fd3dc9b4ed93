package io.backupsentinel.sandbox.dynamodb;

import io.backupsentinel.sandbox.state.DdbBackup;
import io.backupsentinel.testing.SandboxExtension;
import io.backupsentinel.testing.WorldBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupType;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupsIT {
    private final WorldBuilder world = WorldBuilder.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(world::world);

    @Test
    void a_created_backup_is_described_and_listed_with_every_field() {
        var table = world.table("orders", Map.of());
        DynamoDbClient ddb = sandbox.dynamo();

        BackupDetails created = ddb.createBackup(r -> r.tableName("orders").backupName("nightly")).backupDetails();

        assertThat(created.backupArn()).startsWith(table.arn() + "/backup/");
        assertThat(created.backupName()).isEqualTo("nightly");
        assertThat(created.backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
        assertThat(created.backupType()).isEqualTo(BackupType.USER);
        assertThat(created.backupCreationDateTime()).isEqualTo(world.now());
        assertThat(created.backupSizeBytes()).isEqualTo(2048);
        var described = ddb.describeBackup(r -> r.backupArn(created.backupArn())).backupDescription();
        assertThat(described.backupDetails()).isEqualTo(created);
        assertThat(described.sourceTableDetails().tableName()).isEqualTo("orders");
        assertThat(described.sourceTableDetails().tableId()).isEqualTo(table.tableId());
        assertThat(described.sourceTableDetails().tableArn()).isEqualTo(table.arn());
        assertThat(described.sourceTableDetails().keySchema()).singleElement()
                .satisfies(k -> assertThat(k.attributeName()).isEqualTo("pk"));
        BackupSummary s = ddb.listBackups(r -> r.tableName("orders")).backupSummaries().get(0);
        assertThat(s.backupArn()).isEqualTo(created.backupArn());
        assertThat(s.backupName()).isEqualTo("nightly");
        assertThat(s.tableName()).isEqualTo("orders");
        assertThat(s.tableArn()).isEqualTo(table.arn());
        assertThat(s.tableId()).isEqualTo(table.tableId());
        assertThat(s.backupCreationDateTime()).isEqualTo(world.now());
        assertThat(s.backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
        assertThat(s.backupType()).isEqualTo(BackupType.USER);
        assertThat(s.backupSizeBytes()).isEqualTo(2048);
        assertThat(s.backupExpiryDateTime()).isNull();
    }

    @Test
    void list_backups_pages_return_every_backup_exactly_once() {
        world.table("orders", Map.of());
        world.table("payments", Map.of());
        for (int i = 0; i < 1_250; i++) {
            world.backup(i % 2 == 0 ? "orders" : "payments", "b" + i, "USER", Duration.ofMinutes(i + 1));
        }
        DynamoDbClient ddb = sandbox.dynamo();

        List<String> seen = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            var page = ddb.listBackups(r -> r.limit(37).exclusiveStartBackupArn(from));
            assertThat(page.backupSummaries()).hasSizeLessThanOrEqualTo(37);
            page.backupSummaries().forEach(b -> seen.add(b.backupArn()));
            start = page.lastEvaluatedBackupArn();
        } while (start != null);
        // Without a Limit a page holds up to 1 MB, so one page carries all of one table's 625 backups.
        var ofOrders = ddb.listBackups(r -> r.tableName("orders"));

        assertThat(seen).hasSize(1_250).doesNotHaveDuplicates();
        assertThat(ofOrders.backupSummaries()).hasSize(625).allSatisfy(b -> assertThat(b.tableName()).isEqualTo("orders"));
        assertThat(ofOrders.lastEvaluatedBackupArn()).isNull();
    }

    @Test
    void list_backups_filters_by_type_and_time_range() {
        world.table("orders", Map.of());
        DdbBackup user = world.backup("orders", "user-1", "USER", Duration.ofHours(2));
        DdbBackup system = world.backup("orders", "sys-1", "SYSTEM", Duration.ofHours(3));
        DdbBackup aws = world.backup("orders", "awsbackup-1", "AWS_BACKUP", Duration.ofHours(4));
        DdbBackup old = world.backup("orders", "user-old", "USER", Duration.ofDays(9));
        DynamoDbClient ddb = sandbox.dynamo();

        assertThat(arns(ddb.listBackups(r -> r.tableName("orders")).backupSummaries()))
                .containsExactlyInAnyOrder(user.arn(), old.arn());
        assertThat(arns(ddb.listBackups(r -> r.backupType(BackupTypeFilter.ALL)).backupSummaries()))
                .containsExactlyInAnyOrder(user.arn(), system.arn(), old.arn());
        assertThat(arns(ddb.listBackups(r -> r.backupType(BackupTypeFilter.AWS_BACKUP)).backupSummaries()))
                .containsExactly(aws.arn());
        assertThat(arns(ddb.listBackups(r -> r.timeRangeLowerBound(world.now().minus(Duration.ofDays(1)))).backupSummaries()))
                .containsExactly(user.arn());
        assertThat(arns(ddb.listBackups(r -> r.timeRangeUpperBound(user.created())).backupSummaries()))
                .containsExactly(old.arn());
    }

    @Test
    void aws_backup_backups_carry_their_expiry() {
        world.table("orders", Map.of());
        DdbBackup aws = world.backup("orders", "awsbackup-1", "AWS_BACKUP", Duration.ofHours(4));
        DynamoDbClient ddb = sandbox.dynamo();

        assertThat(ddb.listBackups(r -> r.backupType(BackupTypeFilter.AWS_BACKUP)).backupSummaries().get(0)
                .backupExpiryDateTime()).isEqualTo(aws.expiry());
    }

    @Test
    void a_deleted_backup_is_reported_deleted_and_then_not_found() {
        world.table("orders", Map.of());
        DdbBackup b = world.backup("orders", "user-1", "USER", Duration.ofHours(2));
        DynamoDbClient ddb = sandbox.dynamo();

        var deleted = ddb.deleteBackup(r -> r.backupArn(b.arn())).backupDescription();

        assertThat(deleted.backupDetails().backupStatus()).isEqualTo(BackupStatus.DELETED);
        assertThat(ddb.listBackups().backupSummaries()).isEmpty();
        assertThatThrownBy(() -> ddb.describeBackup(r -> r.backupArn(b.arn())))
                .isInstanceOf(BackupNotFoundException.class).hasMessageContaining(b.arn());
    }

    @Test
    void backing_up_an_unknown_table_is_table_not_found() {
        DynamoDbClient ddb = sandbox.dynamo();

        assertThatThrownBy(() -> ddb.createBackup(r -> r.tableName("nope").backupName("bk1")))
                .isInstanceOf(TableNotFoundException.class);
    }

    @Test
    void a_backup_taken_with_a_delay_is_creating_until_the_clock_passes_it() {
        world.table("orders", Map.of());
        DynamoDbClient ddb = sandbox.start(new DynamoDbHandler(Duration.ZERO, Duration.ofMinutes(2), Duration.ZERO)).dynamo();

        String arn = ddb.createBackup(r -> r.tableName("orders").backupName("bk1")).backupDetails().backupArn();

        assertThat(ddb.describeBackup(r -> r.backupArn(arn)).backupDescription().backupDetails().backupStatus())
                .isEqualTo(BackupStatus.CREATING);
        world.world().clock().advance(Duration.ofMinutes(2));
        assertThat(ddb.describeBackup(r -> r.backupArn(arn)).backupDescription().backupDetails().backupStatus())
                .isEqualTo(BackupStatus.AVAILABLE);
    }

    private static List<String> arns(List<BackupSummary> s) {
        return s.stream().map(BackupSummary::backupArn).toList();
    }
}
