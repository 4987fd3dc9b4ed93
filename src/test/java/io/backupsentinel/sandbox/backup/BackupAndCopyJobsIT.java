package io.backupsentinel.sandbox.backup;

import io.backupsentinel.sandbox.state.BackupJob;
import io.backupsentinel.sandbox.state.CopyJob;
import io.backupsentinel.sandbox.state.Vault;
import io.backupsentinel.testing.BackupWorldFixtures;
import io.backupsentinel.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupJobState;
import software.amazon.awssdk.services.backup.model.CopyJobState;
import software.amazon.awssdk.services.backup.model.DescribeBackupJobResponse;
import software.amazon.awssdk.services.backup.model.InvalidParameterValueException;
import software.amazon.awssdk.services.backup.model.ListBackupJobsRequest;
import software.amazon.awssdk.services.backup.model.ListCopyJobsRequest;
import software.amazon.awssdk.services.backup.model.ResourceNotFoundException;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import static io.backupsentinel.testing.BackupWorldFixtures.ago;
import static io.backupsentinel.testing.BackupWorldFixtures.tableArn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupAndCopyJobsIT {
    private static final String DR_VAULT = "arn:aws:backup:eu-west-1:111111111111:backup-vault:dr-vault";
    private static final String OTHER_DR = "arn:aws:backup:us-west-2:111111111111:backup-vault:west-vault";

    private final BackupWorldFixtures fx = BackupWorldFixtures.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(fx::world);
    private Vault prod;
    private BackupClient backup;
    private BackupJob ordersDone;
    private BackupJob shipmentsFailed;
    private BackupJob ledgerInLegacy;
    private BackupJob tooOld;
    private CopyJob copyDone;
    private CopyJob copyFailed;
    private CopyJob copyWest;

    @BeforeEach
    void setUp() {
        prod = fx.vault("prod-vault");
        Vault legacy = fx.vault("legacy-vault");
        ordersDone = fx.backupJob("orders", prod, "COMPLETED", ago(Duration.ofHours(1)), null);
        shipmentsFailed = fx.backupJob("shipments", prod, "FAILED", ago(Duration.ofHours(6)),
                "Insufficient privileges to perform backup");
        ledgerInLegacy = fx.backupJob("ledger", legacy, "COMPLETED", ago(Duration.ofDays(3)), null);
        tooOld = fx.backupJob("orders", prod, "COMPLETED", ago(Duration.ofDays(31)), null);
        copyDone = fx.copyJob("orders", prod, DR_VAULT, "COMPLETED", ago(Duration.ofHours(3)));
        copyFailed = fx.copyJob("payments", prod, DR_VAULT, "FAILED", ago(Duration.ofHours(5)));
        copyWest = fx.copyJob("orders", prod, OTHER_DR, "COMPLETED", ago(Duration.ofDays(2)));
        fx.copyJob("orders", prod, DR_VAULT, "COMPLETED", ago(Duration.ofDays(40)));
        backup = sandbox.backup();
    }

    private List<String> backupJobs(Consumer<ListBackupJobsRequest.Builder> filter) {
        return backup.listBackupJobsPaginator(filter).backupJobs().stream()
                .map(software.amazon.awssdk.services.backup.model.BackupJob::backupJobId).toList();
    }

    private List<String> copyJobs(Consumer<ListCopyJobsRequest.Builder> filter) {
        return backup.listCopyJobsPaginator(filter).copyJobs().stream()
                .map(software.amazon.awssdk.services.backup.model.CopyJob::copyJobId).toList();
    }

    @Test
    void backup_jobs_of_the_last_30_days_are_listed_newest_first() {
        assertThat(backupJobs(b -> { })).containsExactly(ordersDone.id(), shipmentsFailed.id(), ledgerInLegacy.id())
                .doesNotContain(tooOld.id());
    }

    @Test
    void every_backup_job_field_reaches_the_sdk() {
        software.amazon.awssdk.services.backup.model.BackupJob j = backup.listBackupJobs(b -> b.byState(BackupJobState.FAILED))
                .backupJobs().get(0);

        assertThat(j.backupJobId()).isEqualTo(shipmentsFailed.id());
        assertThat(j.accountId()).isEqualTo(BackupWorldFixtures.ACCOUNT);
        assertThat(j.resourceArn()).isEqualTo(tableArn("shipments"));
        assertThat(j.resourceType()).isEqualTo("DynamoDB");
        assertThat(j.resourceName()).isEqualTo("shipments");
        assertThat(j.backupVaultName()).isEqualTo("prod-vault");
        assertThat(j.state()).isEqualTo(BackupJobState.FAILED);
        assertThat(j.statusMessage()).isEqualTo("Insufficient privileges to perform backup");
        assertThat(j.messageCategory()).isEqualTo("AccessDenied");
        assertThat(j.creationDate()).isEqualTo(shipmentsFailed.created());
        assertThat(j.completionDate()).isNull();
        assertThat(j.iamRoleArn()).isEqualTo(BackupWorldFixtures.ROLE);
        assertThat(j.backupSizeInBytes()).isEqualTo(2048L);
    }

    @Test
    void backup_job_filters_each_narrow_the_listing() {
        assertThat(backupJobs(b -> b.byResourceArn(tableArn("orders")))).containsExactly(ordersDone.id());
        assertThat(backupJobs(b -> b.byState(BackupJobState.COMPLETED))).containsExactly(ordersDone.id(), ledgerInLegacy.id());
        assertThat(backupJobs(b -> b.byBackupVaultName("legacy-vault"))).containsExactly(ledgerInLegacy.id());
        assertThat(backupJobs(b -> b.byCreatedAfter(ago(Duration.ofHours(2))))).containsExactly(ordersDone.id());
        assertThat(backupJobs(b -> b.byCreatedBefore(ago(Duration.ofHours(2)))))
                .containsExactly(shipmentsFailed.id(), ledgerInLegacy.id());
        assertThat(backupJobs(b -> b.byResourceType("DynamoDB"))).hasSize(3);
        assertThat(backupJobs(b -> b.byResourceType("EBS"))).isEmpty();
        assertThat(backupJobs(b -> b.byAccountId("111111111111"))).hasSize(3);
        assertThat(backupJobs(b -> b.byAccountId("222222222222"))).isEmpty();
        assertThat(backupJobs(b -> b.byAccountId("*"))).hasSize(3);
        assertThat(backupJobs(b -> b.byCompleteAfter(ago(Duration.ofHours(2))))).containsExactly(ordersDone.id());
        assertThat(backupJobs(b -> b.byCompleteBefore(ago(Duration.ofHours(2))))).containsExactly(ledgerInLegacy.id());
        assertThat(backupJobs(b -> b.byParentJobId("parent-1"))).isEmpty();
        assertThat(backupJobs(b -> b.byMessageCategory("AccessDenied"))).containsExactly(shipmentsFailed.id());
        assertThat(backupJobs(b -> b.byMessageCategory("SUCCESS"))).containsExactly(ordersDone.id(), ledgerInLegacy.id());
        assertThat(backupJobs(b -> b.byMessageCategory("ANY"))).hasSize(3);
    }

    @Test
    void a_backup_job_state_outside_the_enum_is_an_invalid_parameter() {
        assertThatThrownBy(() -> backup.listBackupJobs(b -> b.byState("DONE")))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("DONE");
        assertThatThrownBy(() -> backup.listBackupJobs(b -> b.byAccountId("12345")))
                .isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> backup.listBackupJobs(b -> b.byBackupVaultName("x")))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void describe_backup_job_returns_the_job_even_beyond_the_listing_window() {
        DescribeBackupJobResponse j = backup.describeBackupJob(b -> b.backupJobId(tooOld.id()));

        assertThat(j.backupJobId()).isEqualTo(tooOld.id());
        assertThat(j.state()).isEqualTo(BackupJobState.COMPLETED);
        assertThat(j.completionDate()).isEqualTo(tooOld.completed());
        assertThat(j.percentDone()).isEqualTo("100.0");
        assertThat(j.messageCategory()).isEqualTo("SUCCESS");
        assertThat(j.numberOfChildJobs()).isZero();
    }

    @Test
    void a_job_started_by_a_plan_names_the_plan_and_rule_in_created_by() {
        io.backupsentinel.sandbox.state.Plan gold = fx.plan("gold-plan",
                List.of(BackupWorldFixtures.hourlyRule("rule-hourly", "prod-vault", 35L, List.of())), List.of());
        BackupJob planned = fx.backupJob("orders", prod, "COMPLETED", ago(Duration.ofMinutes(5)), null, gold, "rule-hourly");

        DescribeBackupJobResponse j = backup.describeBackupJob(b -> b.backupJobId(planned.id()));

        assertThat(j.createdBy().backupPlanId()).isEqualTo(gold.id());
        assertThat(j.createdBy().backupPlanArn()).isEqualTo(gold.arn());
        assertThat(j.createdBy().backupPlanName()).isEqualTo("gold-plan");
        assertThat(j.createdBy().backupRuleId()).isEqualTo("rule-hourly");
        assertThat(j.createdBy().backupRuleName()).isEqualTo("hourly");
        assertThat(j.createdBy().backupRuleCron()).isEqualTo("cron(0 * ? * * *)");
        assertThat(j.createdBy().backupPlanVersion()).isEqualTo(gold.versionId());
    }

    @Test
    void describe_an_unknown_backup_job_is_resource_not_found() {
        assertThatThrownBy(() -> backup.describeBackupJob(b -> b.backupJobId("no-such-job")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("no-such-job");
    }

    @Test
    void every_copy_job_field_reaches_the_sdk() {
        software.amazon.awssdk.services.backup.model.CopyJob j = backup.listCopyJobs(b -> b.byState(CopyJobState.FAILED))
                .copyJobs().get(0);

        assertThat(j.copyJobId()).isEqualTo(copyFailed.id());
        assertThat(j.accountId()).isEqualTo(BackupWorldFixtures.ACCOUNT);
        assertThat(j.resourceArn()).isEqualTo(tableArn("payments"));
        assertThat(j.resourceType()).isEqualTo("DynamoDB");
        assertThat(j.resourceName()).isEqualTo("payments");
        assertThat(j.sourceBackupVaultArn()).isEqualTo(copyFailed.sourceVaultArn());
        assertThat(j.destinationBackupVaultArn()).isEqualTo(DR_VAULT);
        assertThat(j.state()).isEqualTo(CopyJobState.FAILED);
        assertThat(j.creationDate()).isEqualTo(copyFailed.created());
        assertThat(j.backupSizeInBytes()).isEqualTo(4096L);
        assertThat(j.iamRoleArn()).isEqualTo(BackupWorldFixtures.ROLE);
    }

    @Test
    void copy_jobs_of_the_last_30_days_are_listed_and_each_filter_narrows_them() {
        assertThat(copyJobs(b -> { })).containsExactly(copyDone.id(), copyFailed.id(), copyWest.id());
        assertThat(copyJobs(b -> b.byResourceArn(tableArn("payments")))).containsExactly(copyFailed.id());
        assertThat(copyJobs(b -> b.byState(CopyJobState.COMPLETED))).containsExactly(copyDone.id(), copyWest.id());
        assertThat(copyJobs(b -> b.byCreatedAfter(ago(Duration.ofHours(4))))).containsExactly(copyDone.id());
        assertThat(copyJobs(b -> b.byCreatedBefore(ago(Duration.ofHours(4))))).containsExactly(copyFailed.id(), copyWest.id());
        assertThat(copyJobs(b -> b.byResourceType("DynamoDB"))).hasSize(3);
        assertThat(copyJobs(b -> b.byDestinationVaultArn(OTHER_DR))).containsExactly(copyWest.id());
        assertThat(copyJobs(b -> b.byAccountId("222222222222"))).isEmpty();
        assertThat(copyJobs(b -> b.byCompleteBefore(ago(Duration.ofDays(1))))).containsExactly(copyWest.id());
        assertThat(copyJobs(b -> b.byCompleteAfter(ago(Duration.ofDays(1))))).containsExactly(copyDone.id());
        assertThat(copyJobs(b -> b.bySourceRecoveryPointArn("arn:aws:backup:us-east-1:111111111111:recovery-point:x")))
                .isEmpty();
        assertThat(copyJobs(b -> b.byParentJobId("parent-1"))).isEmpty();
    }

    @Test
    void a_copy_job_state_outside_the_enum_is_an_invalid_parameter() {
        assertThatThrownBy(() -> backup.listCopyJobs(b -> b.byState("ABORTED")))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("ABORTED");
    }
}
