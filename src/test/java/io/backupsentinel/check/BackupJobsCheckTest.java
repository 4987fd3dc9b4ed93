package io.backupsentinel.check;

import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.Status;
import io.backupsentinel.testing.CheckFactsBuilder;
import io.backupsentinel.testing.SpecParams;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackupJobsCheckTest {
    private final BackupJobsCheck check = new BackupJobsCheck();
    private final BackupJobsCheck.P defaults = SpecParams.bind(check);

    @Test
    void completed_jobs_only_are_compliant() {
        CheckFactsBuilder f = CheckFactsBuilder.table("orders");
        f.backupJobs(f.backupJob("j1", "COMPLETED", Duration.ofHours(1), null), f.backupJob("j2", "COMPLETED", Duration.ofHours(2), null));
        Outcome o = check.evaluate(f.build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).isEqualTo("2 jobs in 7d, 2 COMPLETED, none FAILED/ABORTED/EXPIRED");
    }

    @Test
    void a_failed_job_is_non_compliant_with_aws_status_message() {
        CheckFactsBuilder f = CheckFactsBuilder.table("shipments");
        f.backupJobs(f.backupJob("j9", "FAILED", Duration.ofHours(6), "Insufficient privileges to perform backup"),
                f.backupJob("j1", "COMPLETED", Duration.ofDays(1), null));
        Outcome o = check.evaluate(f.build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).isEqualTo("1 of 2 jobs in 7d FAILED/ABORTED/EXPIRED; newest FAILED 6h ago");
        assertThat(o.message()).startsWith("Backup job j9 FAILED 6h ago: Insufficient privileges to perform backup.")
                .contains("No job has completed since").contains("aws backup describe-backup-job --region us-east-1 --backup-job-id j9");
    }

    @Test
    void a_later_success_is_mentioned_but_the_failure_still_counts() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.backupJobs(f.backupJob("j9", "ABORTED", Duration.ofHours(6), null), f.backupJob("j10", "COMPLETED", Duration.ofHours(1), null));
        Outcome o = check.evaluate(f.build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("A later job completed 1h ago");
    }

    @Test
    void a_failure_outside_the_window_does_not_count_and_one_exactly_at_it_does() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.backupJobs(f.backupJob("old", "FAILED", Duration.ofDays(7).plusSeconds(1), null));
        assertThat(check.evaluate(f.build(), defaults, NOW).status()).isEqualTo(Status.COMPLIANT);
        f.backupJobs(f.backupJob("edge", "FAILED", Duration.ofDays(7), null));
        assertThat(check.evaluate(f.build(), defaults, NOW).status()).isEqualTo(Status.NON_COMPLIANT);
    }

    @Test
    void partial_counts_only_when_asked_for() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.backupJobs(f.backupJob("p", "PARTIAL", Duration.ofHours(1), null));
        assertThat(check.evaluate(f.build(), defaults, NOW).status()).isEqualTo(Status.COMPLIANT);
        assertThat(check.evaluate(f.build(), SpecParams.bind(check, "states", List.of("PARTIAL")), NOW).status())
                .isEqualTo(Status.NON_COMPLIANT);
    }

    @Test
    void jobs_of_other_tables_are_ignored() {
        CheckFactsBuilder other = CheckFactsBuilder.table("other");
        CheckFactsBuilder f = CheckFactsBuilder.table("t").backupJobs(other.backupJob("x", "FAILED", Duration.ofHours(1), "boom"));
        assertThat(check.evaluate(f.build(), defaults, NOW).status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void backup_jobs_unknown_is_unknown() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").failed(FactKind.BACKUP_JOBS, "ListBackupJobs: Throttled").build(),
                defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).isEqualTo("Backup jobs unknown: ListBackupJobs: Throttled");
    }

    @Test
    void unknown_states_are_refused() {
        assertThatThrownBy(() -> SpecParams.bind(check, "states", List.of("COMPLETED"))).hasMessageContaining("states must be");
    }
}
