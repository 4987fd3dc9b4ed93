package io.backupsentinel.check;

import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.Status;
import io.backupsentinel.testing.CheckFactsBuilder;
import io.backupsentinel.testing.SpecParams;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static io.backupsentinel.testing.CheckPlans.byArn;
import static io.backupsentinel.testing.CheckPlans.byTag;
import static io.backupsentinel.testing.CheckPlans.copyTo;
import static io.backupsentinel.testing.CheckPlans.plan;
import static io.backupsentinel.testing.CheckPlans.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CopyCheckTest {
    private static final String OWN = CheckFactsBuilder.ACCOUNT;
    private final CopyCheck check = new CopyCheck();
    private final CopyCheck.P defaults = SpecParams.bind(check);

    private static CheckFactsBuilder goldPlanCopyingTo(String region, String account) {
        CheckFactsBuilder f = CheckFactsBuilder.table("orders");
        return f.plans(plan("gold-plan", List.of(rule("hourly", "cron(0 * ? * * *)", "prod-vault", 35L,
                copyTo(region, account, "dr-vault"))), byArn("gold-tables", f.arn())));
    }

    @Test
    void a_cross_region_copy_completed_3h_ago_is_compliant() {
        CheckFactsBuilder f = goldPlanCopyingTo("eu-west-1", OWN);
        f.copyJobs(f.copyJob("c1", "COMPLETED", Duration.ofHours(3), "eu-west-1", OWN));
        Outcome o = check.evaluate(f.build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).contains("gold-plan/hourly → arn:aws:backup:eu-west-1:111111111111:backup-vault:dr-vault")
                .contains("newest copy COMPLETED 3h ago");
    }

    @Test
    void no_copy_action_is_non_compliant() {
        CheckFactsBuilder f = CheckFactsBuilder.table("catalog").tag("copy", "none");
        f.plans(plan("nocopy-plan", List.of(rule("daily", "cron(0 5 ? * * *)", "prod-vault", 35L)), byTag("nocopy", "copy", "none")));
        Outcome o = check.evaluate(f.build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).isEqualTo("no copy action");
        assertThat(o.message()).startsWith("No plan copies this table to another region.");
    }

    @Test
    void a_copy_in_the_same_region_does_not_count() {
        CheckFactsBuilder f = goldPlanCopyingTo("us-east-1", OWN);
        f.copyJobs(f.copyJob("c1", "COMPLETED", Duration.ofHours(3), "us-east-1", OWN));
        Outcome o = check.evaluate(f.build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).startsWith("copies only to gold-plan/hourly → arn:aws:backup:us-east-1:");
    }

    @Test
    void a_copy_to_a_region_outside_destination_regions_does_not_count() {
        CheckFactsBuilder f = goldPlanCopyingTo("eu-west-1", OWN);
        f.copyJobs(f.copyJob("c1", "COMPLETED", Duration.ofHours(3), "eu-west-1", OWN));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "destination_regions", List.of("us-west-2")), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("another region (us-west-2)");
    }

    @Test
    void cross_account_needs_another_account() {
        CheckFactsBuilder f = goldPlanCopyingTo("eu-west-1", OWN);
        f.copyJobs(f.copyJob("c1", "COMPLETED", Duration.ofHours(3), "eu-west-1", OWN));
        assertThat(check.evaluate(f.build(), SpecParams.bind(check, "cross_account", true), NOW).status())
                .isEqualTo(Status.NON_COMPLIANT);
        CheckFactsBuilder g = goldPlanCopyingTo("eu-west-1", "999999999999");
        g.copyJobs(g.copyJob("c1", "COMPLETED", Duration.ofHours(3), "eu-west-1", "999999999999"));
        assertThat(check.evaluate(g.build(), SpecParams.bind(check, "cross_account", true), NOW).status())
                .isEqualTo(Status.COMPLIANT);
    }

    @Test
    void cross_account_alone_accepts_a_copy_in_the_same_region() {
        CheckFactsBuilder f = goldPlanCopyingTo("us-east-1", "999999999999");
        f.copyJobs(f.copyJob("c1", "COMPLETED", Duration.ofHours(3), "us-east-1", "999999999999"));
        assertThat(check.evaluate(f.build(), SpecParams.bind(check, "cross_region", false, "cross_account", true), NOW)
                .status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void an_action_without_a_recent_completed_job_names_the_newest_job() {
        CheckFactsBuilder f = goldPlanCopyingTo("eu-west-1", OWN);
        f.copyJobs(f.copyJob("old", "COMPLETED", Duration.ofDays(5), "eu-west-1", OWN),
                f.copyJob("c9", "FAILED", Duration.ofHours(2), "eu-west-1", OWN));
        Outcome o = check.evaluate(f.build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("Newest copy job c9 is FAILED: Access denied to destination vault")
                .contains("The last completed copy was 5d ago");
    }

    @Test
    void a_copy_completed_exactly_max_age_ago_is_compliant() {
        CheckFactsBuilder f = goldPlanCopyingTo("eu-west-1", OWN);
        f.copyJobs(f.copyJob("c1", "COMPLETED", Duration.ofDays(2), "eu-west-1", OWN));
        assertThat(check.evaluate(f.build(), defaults, NOW).status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void an_action_with_no_job_at_all_says_so() {
        Outcome o = check.evaluate(goldPlanCopyingTo("eu-west-1", OWN).build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("No copy job of this table to another region is listed");
    }

    @Test
    void copy_jobs_unknown_is_unknown_once_an_action_exists() {
        Outcome o = check.evaluate(goldPlanCopyingTo("eu-west-1", OWN).failed(FactKind.COPY_JOBS, "ListCopyJobs: Throttled")
                .build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).isEqualTo("Copy jobs unknown: ListCopyJobs: Throttled");
    }

    @Test
    void plans_unknown_is_unknown() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").failed(FactKind.PLANS, "AccessDenied").build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void tags_unknown_is_unknown() {
        assertThat(check.evaluate(CheckFactsBuilder.table("t").noTags().build(), defaults, NOW).status())
                .isEqualTo(Status.UNKNOWN);
    }

    @Test
    void asking_for_neither_region_nor_account_is_refused() {
        assertThatThrownBy(() -> SpecParams.bind(check, "cross_region", false)).hasMessageContaining("both false");
    }
}
