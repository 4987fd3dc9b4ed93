package io.backupsentinel.check;

import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.RestoreJob;
import io.backupsentinel.model.Status;
import io.backupsentinel.testing.CheckFactsBuilder;
import io.backupsentinel.testing.SpecParams;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static io.backupsentinel.testing.CheckFactsBuilder.ago;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestoreTestCheckTest {
    private static final Duration MIN20 = Duration.ofMinutes(20);
    private final RestoreTestCheck check = new RestoreTestCheck();
    private final RestoreTestCheck.P weekly = SpecParams.bind(check, "max_age", "7d");

    @Test
    void a_validated_restore_3_days_ago_is_compliant() {
        CheckFactsBuilder f = CheckFactsBuilder.table("orders");
        f.restoreJobs(f.restoreJob("r1", "COMPLETED", Duration.ofDays(3), MIN20, "SUCCESSFUL", null));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "max_age", "7d", "rto", "30m"), NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).isEqualTo("validated restore 3d ago, took 20m (weekly-restore-test)");
    }

    @Test
    void a_failed_validation_is_non_compliant_with_aws_validation_message() {
        CheckFactsBuilder f = CheckFactsBuilder.table("profiles");
        f.restoreJobs(f.restoreJob("r2", "COMPLETED", Duration.ofDays(2), MIN20, "FAILED",
                "Validation script exited 1: item count 0 < expected 1000"));
        Outcome o = check.evaluate(f.build(), weekly, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("Restore r2 2d ago failed validation (FAILED): Validation script exited 1: "
                + "item count 0 < expected 1000");
    }

    @Test
    void a_newer_timed_out_validation_is_reported_even_when_a_success_is_recent() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.restoreJobs(f.restoreJob("ok", "COMPLETED", Duration.ofDays(3), MIN20, "SUCCESSFUL", null),
                f.restoreJob("late", "COMPLETED", Duration.ofDays(1), MIN20, "TIMED_OUT", "validation took too long"));
        Outcome o = check.evaluate(f.build(), weekly, NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).endsWith("; newer validation TIMED_OUT");
        assertThat(o.message()).contains("Restore late 1d ago failed validation (TIMED_OUT): validation took too long");
    }

    @Test
    void a_restore_still_validating_is_not_a_success() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.restoreJobs(f.restoreJob("v", "COMPLETED", Duration.ofHours(1), MIN20, "VALIDATING", null));
        Outcome o = check.evaluate(f.build(), weekly, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("is still validating");
    }

    @Test
    void a_completed_restore_never_validated_is_not_a_success() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.restoreJobs(f.restoreJob("n", "COMPLETED", Duration.ofHours(1), MIN20, null, null));
        Outcome o = check.evaluate(f.build(), weekly, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("was never validated");
    }

    @Test
    void a_success_older_than_max_age_is_non_compliant() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.restoreJobs(f.restoreJob("old", "COMPLETED", Duration.ofDays(10), MIN20, "SUCCESSFUL", null));
        Outcome o = check.evaluate(f.build(), weekly, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).startsWith("last validated restore 10d ago");
    }

    @Test
    void a_success_exactly_max_age_ago_is_compliant() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.restoreJobs(f.restoreJob("edge", "COMPLETED", Duration.ofDays(7), MIN20, "SUCCESSFUL", null));
        assertThat(check.evaluate(f.build(), weekly, NOW).status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void a_restore_slower_than_the_rto_is_non_compliant_and_exactly_at_it_is_not() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.restoreJobs(f.restoreJob("slow", "COMPLETED", Duration.ofDays(1), Duration.ofMinutes(45), "SUCCESSFUL", null));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "max_age", "7d", "rto", "30m"), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("took 45m, over the RTO of 30m");
        assertThat(check.evaluate(f.build(), SpecParams.bind(check, "max_age", "7d", "rto", "45m"), NOW).status())
                .isEqualTo(Status.COMPLIANT);
    }

    @Test
    void restore_testing_only_ignores_manual_restores() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        RestoreJob manual = new RestoreJob("m", f.arn(), f.arn() + "/backup/x", "COMPLETED", ago(Duration.ofDays(1)),
                ago(Duration.ofDays(1)).plus(MIN20), null, "SUCCESSFUL", null, "restored", null);
        f.restoreJobs(manual);
        assertThat(check.evaluate(f.build(), weekly, NOW).status()).isEqualTo(Status.COMPLIANT);
        assertThat(check.evaluate(f.build(), SpecParams.bind(check, "max_age", "7d", "restore_testing_only", true), NOW)
                .status()).isEqualTo(Status.NON_COMPLIANT);
    }

    @Test
    void a_job_without_source_arn_is_linked_through_the_tables_recovery_points() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        RecoveryPoint rp = new RecoveryPoint("arn:aws:backup:us-east-1:111111111111:recovery-point:abc", f.arn(),
                "prod-vault", null, ago(Duration.ofDays(2)), ago(Duration.ofDays(2)), "COMPLETED", 35L, null, null, true, null, null);
        RestoreJob job = new RestoreJob("r", null, rp.arn(), "COMPLETED", ago(Duration.ofDays(1)), ago(Duration.ofDays(1)).plus(MIN20),
                null, "SUCCESSFUL", null, "restored", null);
        f.recoveryPoints(rp).restoreJobs(job);
        assertThat(check.evaluate(f.build(), weekly, NOW).status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void a_job_of_another_table_does_not_count() {
        CheckFactsBuilder other = CheckFactsBuilder.table("other");
        CheckFactsBuilder f = CheckFactsBuilder.table("t")
                .restoreJobs(other.restoreJob("r", "COMPLETED", Duration.ofDays(1), MIN20, "SUCCESSFUL", null));
        Outcome o = check.evaluate(f.build(), weekly, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).isEqualTo("no restore job");
    }

    @Test
    void unlinkable_jobs_with_unknown_recovery_points_are_unknown() {
        RestoreJob job = new RestoreJob("r", null, "arn:aws:backup:us-east-1:111111111111:recovery-point:abc", "COMPLETED",
                ago(Duration.ofDays(1)), ago(Duration.ofDays(1)), null, "SUCCESSFUL", null, "restored", null);
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").restoreJobs(job)
                .failed(FactKind.RECOVERY_POINTS, "AccessDenied").build(), weekly, NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).contains("1 restore job(s) have no SourceResourceArn").contains("AccessDenied");
    }

    @Test
    void restore_jobs_unknown_is_unknown() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").failed(FactKind.RESTORE_JOBS, "ListRestoreJobs: Throttled").build(),
                weekly, NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).isEqualTo("Restore jobs unknown: ListRestoreJobs: Throttled");
    }

    @Test
    void max_age_is_required() {
        assertThatThrownBy(() -> SpecParams.bind(check)).hasMessageContaining("max_age is required");
    }
}
