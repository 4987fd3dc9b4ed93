package io.backupsentinel.sandbox.backup;

import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.Vault;
import io.backupsentinel.testing.BackupWorldFixtures;
import io.backupsentinel.testing.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.InvalidParameterValueException;
import software.amazon.awssdk.services.backup.model.ListRecoveryPointsByBackupVaultResponse;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.backupsentinel.testing.BackupWorldFixtures.ago;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupPagingIT {
    private static final int POINTS = 10_000;
    private static final int JOBS = 2_500;

    private final BackupWorldFixtures fx = BackupWorldFixtures.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(fx::world);
    private BackupClient backup;
    private Set<String> pointArns;
    private Set<String> jobIds;

    @BeforeEach
    void setUp() {
        Vault prod = fx.vault("prod-vault");
        fx.vault("other-vault");
        pointArns = new HashSet<>();
        for (int i = 0; i < POINTS; i++) {
            // Many points share a creation time, so ties must be broken without repeating or skipping.
            pointArns.add(fx.recoveryPoint("orders", prod).created(ago(Duration.ofMinutes(i / 7))).add().arn());
        }
        jobIds = new HashSet<>();
        for (int i = 0; i < JOBS; i++) {
            jobIds.add(fx.backupJob("orders", prod, "COMPLETED", ago(Duration.ofMinutes(i)), null).id());
        }
        backup = sandbox.backup();
    }

    @Test
    void ten_thousand_recovery_points_come_back_once_each_over_pages_of_max_results() {
        List<String> seen = new ArrayList<>();
        int pages = 0;
        for (ListRecoveryPointsByBackupVaultResponse page : backup.listRecoveryPointsByBackupVaultPaginator(
                b -> b.backupVaultName("prod-vault").maxResults(700))) {
            assertThat(page.recoveryPoints()).hasSizeLessThanOrEqualTo(700);
            page.recoveryPoints().forEach(rp -> seen.add(rp.recoveryPointArn()));
            pages++;
        }

        assertThat(pages).isEqualTo(15);
        assertThat(seen).hasSize(POINTS).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(pointArns);
    }

    @Test
    void without_max_results_a_page_holds_at_most_1000_items() {
        ListRecoveryPointsByBackupVaultResponse first = backup.listRecoveryPointsByBackupVault(b -> b.backupVaultName("prod-vault"));

        assertThat(first.recoveryPoints()).hasSize(1000);
        assertThat(first.nextToken()).isNotBlank();
    }

    @Test
    void recovery_points_by_resource_page_through_every_point_once() {
        List<String> seen = backup.listRecoveryPointsByResourcePaginator(b -> b
                .resourceArn(BackupWorldFixtures.tableArn("orders")).maxResults(999))
                .recoveryPoints().stream().map(rp -> rp.recoveryPointArn()).toList();

        assertThat(seen).hasSize(POINTS).doesNotHaveDuplicates();
    }

    @Test
    void points_added_between_pages_do_not_repeat_or_shift_the_rest() {
        ListRecoveryPointsByBackupVaultResponse first = backup.listRecoveryPointsByBackupVault(b -> b
                .backupVaultName("prod-vault").maxResults(1000));
        RecoveryPoint late = fx.recoveryPoint("orders", fx.region().vaults().get("prod-vault")).created(ago(Duration.ZERO)).add();

        List<String> seen = new ArrayList<>(first.recoveryPoints().stream().map(RecoveryPointByBackupVault::recoveryPointArn).toList());
        String token = first.nextToken();
        while (token != null) {
            String t = token;
            ListRecoveryPointsByBackupVaultResponse page = backup.listRecoveryPointsByBackupVault(b -> b
                    .backupVaultName("prod-vault").maxResults(1000).nextToken(t));
            page.recoveryPoints().forEach(rp -> seen.add(rp.recoveryPointArn()));
            token = page.nextToken();
        }

        assertThat(seen).hasSize(POINTS).doesNotHaveDuplicates().doesNotContain(late.arn());
    }

    @Test
    void backup_jobs_page_through_every_job_once() {
        List<String> seen = backup.listBackupJobsPaginator(b -> b.maxResults(333)).backupJobs().stream()
                .map(j -> j.backupJobId()).toList();

        assertThat(seen).hasSize(JOBS).doesNotHaveDuplicates();
        assertThat(new HashSet<>(seen)).isEqualTo(jobIds);
    }

    @Test
    void max_results_outside_1_to_1000_is_an_invalid_parameter() {
        assertThatThrownBy(() -> backup.listBackupJobs(b -> b.maxResults(0)))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("maxResults");
        assertThatThrownBy(() -> backup.listRecoveryPointsByBackupVault(b -> b.backupVaultName("prod-vault").maxResults(1001)))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("1..1000");
        assertThatThrownBy(() -> backup.listRestoreTestingPlans(b -> b.maxResults(5000)))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("MaxResults");
    }

    @Test
    void a_token_from_one_listing_is_refused_by_another() {
        String jobsToken = backup.listBackupJobs(b -> b.maxResults(10)).nextToken();
        String vaultToken = backup.listRecoveryPointsByBackupVault(b -> b.backupVaultName("prod-vault").maxResults(10)).nextToken();

        assertThatThrownBy(() -> backup.listRecoveryPointsByBackupVault(b -> b.backupVaultName("prod-vault").nextToken(jobsToken)))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("different listing");
        assertThatThrownBy(() -> backup.listRecoveryPointsByBackupVault(b -> b.backupVaultName("other-vault").nextToken(vaultToken)))
                .as("same operation, another vault").isInstanceOf(InvalidParameterValueException.class);
        assertThatThrownBy(() -> backup.listCopyJobs(b -> b.nextToken(jobsToken)))
                .isInstanceOf(InvalidParameterValueException.class);
    }

    @Test
    void a_token_altered_by_hand_is_refused() {
        String token = backup.listBackupJobs(b -> b.maxResults(10)).nextToken();
        String forged = "A" + token.substring(1);

        assertThatThrownBy(() -> backup.listBackupJobs(b -> b.nextToken(forged)))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("nextToken");
        assertThatThrownBy(() -> backup.listBackupJobs(b -> b.nextToken("not-a-token")))
                .isInstanceOf(InvalidParameterValueException.class);
    }
}
