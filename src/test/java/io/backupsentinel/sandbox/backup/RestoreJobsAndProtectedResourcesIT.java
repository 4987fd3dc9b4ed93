package io.backupsentinel.sandbox.backup;

import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.RestoreJob;
import io.backupsentinel.sandbox.state.RestoreTestingPlan;
import io.backupsentinel.sandbox.state.Vault;
import io.backupsentinel.testing.BackupWorldFixtures;
import io.backupsentinel.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.DescribeProtectedResourceResponse;
import software.amazon.awssdk.services.backup.model.DescribeRestoreJobResponse;
import software.amazon.awssdk.services.backup.model.InvalidParameterValueException;
import software.amazon.awssdk.services.backup.model.ListRestoreJobsRequest;
import software.amazon.awssdk.services.backup.model.ProtectedResource;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;
import software.amazon.awssdk.services.backup.model.RestoreJobStatus;
import software.amazon.awssdk.services.backup.model.RestoreJobsListMember;
import software.amazon.awssdk.services.backup.model.RestoreValidationStatus;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static io.backupsentinel.testing.BackupWorldFixtures.ago;
import static io.backupsentinel.testing.BackupWorldFixtures.tableArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestoreJobsAndProtectedResourcesIT {
    private final BackupWorldFixtures fx = BackupWorldFixtures.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(fx::world);
    private BackupClient backup;
    private Vault prod;
    private RecoveryPoint ordersPoint;
    private RecoveryPoint profilesPoint;
    private RestoreTestingPlan weekly;
    private RestoreJob ordersRestore;
    private RestoreJob profilesRestore;
    private RestoreJob runningRestore;

    @BeforeEach
    void setUp() {
        prod = fx.vault("prod-vault");
        ordersPoint = fx.recoveryPoint("orders", prod).created(ago(Duration.ofDays(4))).add();
        fx.recoveryPoint("orders", prod).created(ago(Duration.ofMinutes(40))).add();
        profilesPoint = fx.recoveryPoint("profiles", prod).created(ago(Duration.ofDays(2).plusHours(1))).add();
        fx.recoveryPoint("ledger", prod).created(ago(Duration.ofHours(1))).status("PARTIAL", "partial").add();
        weekly = fx.restoreTestingPlan("weekly-restore-test", List.of("prod-vault"));
        ordersRestore = fx.restoreJob(ordersPoint, tableArn("orders"), "COMPLETED", ago(Duration.ofDays(3)),
                Duration.ofMinutes(20), "SUCCESSFUL", weekly.arn());
        profilesRestore = fx.restoreJob(profilesPoint, null, "COMPLETED", ago(Duration.ofDays(2)),
                Duration.ofMinutes(45), "FAILED", null);
        runningRestore = fx.restoreJob(ordersPoint, tableArn("orders"), "RUNNING", ago(Duration.ofMinutes(5)),
                null, null, null);
        backup = sandbox.backup();
    }

    private List<String> restoreJobs(Consumer<ListRestoreJobsRequest.Builder> filter) {
        return backup.listRestoreJobsPaginator(filter).restoreJobs().stream().map(RestoreJobsListMember::restoreJobId).toList();
    }

    @Test
    void every_restore_job_field_reaches_the_sdk() {
        RestoreJobsListMember j = backup.listRestoreJobs(b -> b.byRestoreTestingPlanArn(weekly.arn())).restoreJobs().get(0);

        assertThat(j.restoreJobId()).isEqualTo(ordersRestore.id());
        assertThat(j.accountId()).isEqualTo(BackupWorldFixtures.ACCOUNT);
        assertThat(j.sourceResourceArn()).isEqualTo(tableArn("orders"));
        assertThat(j.recoveryPointArn()).isEqualTo(ordersPoint.arn());
        assertThat(j.createdResourceArn()).isEqualTo(ordersRestore.createdResourceArn());
        assertThat(j.status()).isEqualTo(RestoreJobStatus.COMPLETED);
        assertThat(j.validationStatus()).isEqualTo(RestoreValidationStatus.SUCCESSFUL);
        assertThat(j.validationStatusMessage()).isEqualTo("validation successful");
        assertThat(j.deletionStatusAsString()).isEqualTo("SUCCESSFUL");
        assertThat(j.createdBy().restoreTestingPlanArn()).isEqualTo(weekly.arn());
        assertThat(j.expectedCompletionTimeMinutes()).isEqualTo(25L);
        assertThat(j.creationDate()).isEqualTo(ordersRestore.created());
        assertThat(j.completionDate()).isEqualTo(ordersRestore.created().plus(Duration.ofMinutes(20)));
        assertThat(j.resourceType()).isEqualTo("DynamoDB");
        assertThat(j.recoveryPointCreationDate()).isEqualTo(ordersPoint.created());
        assertThat(j.backupVaultArn()).isEqualTo(prod.arn());
        assertThat(j.iamRoleArn()).isEqualTo(BackupWorldFixtures.ROLE);
    }

    @Test
    void source_resource_arn_is_absent_when_the_job_has_none() {
        RestoreJobsListMember j = backup.listRestoreJobs(b -> b.byCreatedBefore(ago(Duration.ofDays(1))))
                .restoreJobs().stream().filter(x -> x.restoreJobId().equals(profilesRestore.id())).findFirst().orElseThrow();

        assertThat(j.sourceResourceArn()).isNull();
        assertThat(j.resourceType()).as("taken from the recovery point").isEqualTo("DynamoDB");
        assertThat(j.createdBy()).isNull();
        assertThat(j.validationStatus()).isEqualTo(RestoreValidationStatus.FAILED);
    }

    @Test
    void restore_job_filters_each_narrow_the_listing() {
        assertThat(restoreJobs(b -> { })).containsExactly(runningRestore.id(), profilesRestore.id(), ordersRestore.id());
        assertThat(restoreJobs(b -> b.byAccountId("111111111111"))).hasSize(3);
        assertThat(restoreJobs(b -> b.byAccountId("222222222222"))).isEmpty();
        assertThat(restoreJobs(b -> b.byResourceType("DynamoDB"))).hasSize(3);
        assertThat(restoreJobs(b -> b.byResourceType("RDS"))).isEmpty();
        assertThat(restoreJobs(b -> b.byCreatedAfter(ago(Duration.ofDays(1))))).containsExactly(runningRestore.id());
        assertThat(restoreJobs(b -> b.byCreatedBefore(ago(Duration.ofDays(1)))))
                .containsExactly(profilesRestore.id(), ordersRestore.id());
        assertThat(restoreJobs(b -> b.byStatus(RestoreJobStatus.RUNNING))).containsExactly(runningRestore.id());
        assertThat(restoreJobs(b -> b.byCompleteAfter(ago(Duration.ofDays(2).plusMinutes(30)))))
                .containsExactly(profilesRestore.id());
        assertThat(restoreJobs(b -> b.byCompleteBefore(ago(Duration.ofDays(2).plusMinutes(30)))))
                .containsExactly(ordersRestore.id());
        assertThat(restoreJobs(b -> b.byRestoreTestingPlanArn(weekly.arn()))).containsExactly(ordersRestore.id());
        assertThat(restoreJobs(b -> b.byParentJobId("parent"))).isEmpty();
    }

    @Test
    void a_restore_status_outside_the_enum_is_an_invalid_parameter() {
        assertThatThrownBy(() -> backup.listRestoreJobs(b -> b.byStatus("DONE")))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("DONE");
    }

    @Test
    void describe_restore_job_returns_the_validation_and_timing() {
        DescribeRestoreJobResponse j = backup.describeRestoreJob(b -> b.restoreJobId(ordersRestore.id()));

        assertThat(j.restoreJobId()).isEqualTo(ordersRestore.id());
        assertThat(j.sourceResourceArn()).isEqualTo(tableArn("orders"));
        assertThat(j.status()).isEqualTo(RestoreJobStatus.COMPLETED);
        assertThat(j.validationStatus()).isEqualTo(RestoreValidationStatus.SUCCESSFUL);
        assertThat(j.createdBy().restoreTestingPlanArn()).isEqualTo(weekly.arn());
        assertThat(j.recoveryPointCreationDate()).isEqualTo(ordersPoint.created());
        assertThat(j.resourceType()).isEqualTo("DynamoDB");
    }

    @Test
    void describe_an_unknown_restore_job_is_resource_not_found() {
        assertThatThrownBy(() -> backup.describeRestoreJob(b -> b.restoreJobId("nope")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("nope");
    }

    @Test
    void a_table_is_protected_only_after_its_first_successful_recovery_point() {
        List<ProtectedResource> resources = backup.listProtectedResourcesPaginator(b -> { }).results().stream().toList();

        assertThat(resources).extracting(ProtectedResource::resourceArn)
                .containsExactly(tableArn("orders"), tableArn("profiles"))
                .as("ledger has only a PARTIAL point").doesNotContain(tableArn("ledger"));
        ProtectedResource orders = resources.get(0);
        assertThat(orders.resourceType()).isEqualTo("DynamoDB");
        assertThat(orders.resourceName()).isEqualTo("orders");
        assertThat(orders.lastBackupTime()).isEqualTo(ago(Duration.ofMinutes(40)));
        assertThat(orders.lastBackupVaultArn()).isEqualTo(prod.arn());

        fx.recoveryPoint("scratch", prod).created(ago(Duration.ofMinutes(1))).add();
        assertThat(backup.listProtectedResources(b -> { }).results()).extracting(ProtectedResource::resourceArn)
                .contains(tableArn("scratch"));
    }

    @Test
    void describe_protected_resource_reports_the_latest_completed_restore() {
        DescribeProtectedResourceResponse r = backup.describeProtectedResource(b -> b.resourceArn(tableArn("orders")));

        assertThat(r.resourceArn()).isEqualTo(tableArn("orders"));
        assertThat(r.resourceType()).isEqualTo("DynamoDB");
        assertThat(r.resourceName()).isEqualTo("orders");
        assertThat(r.lastBackupTime()).isEqualTo(ago(Duration.ofMinutes(40)));
        assertThat(r.lastBackupVaultArn()).isEqualTo(prod.arn());
        assertThat(r.lastRecoveryPointArn()).isNotEqualTo(ordersPoint.arn()).startsWith("arn:aws:backup:");
        assertThat(r.latestRestoreExecutionTimeMinutes()).isEqualTo(20L);
        assertThat(r.latestRestoreJobCreationDate()).isEqualTo(ordersRestore.created());
        assertThat(r.latestRestoreRecoveryPointCreationDate()).isEqualTo(ordersPoint.created());
    }

    @Test
    void a_restore_without_source_arn_counts_for_the_table_of_its_recovery_point() {
        DescribeProtectedResourceResponse r = backup.describeProtectedResource(b -> b.resourceArn(tableArn("profiles")));

        assertThat(r.latestRestoreExecutionTimeMinutes()).isEqualTo(45L);
        assertThat(r.latestRestoreJobCreationDate()).isEqualTo(profilesRestore.created());
    }

    @Test
    void describe_a_resource_that_was_never_backed_up_is_resource_not_found() {
        assertThatThrownBy(() -> backup.describeProtectedResource(b -> b.resourceArn(tableArn("ledger"))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("ledger");
    }
}
