package io.backupsentinel.check;

import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.PlanRule;
import io.backupsentinel.model.Status;
import io.backupsentinel.testing.CheckFactsBuilder;
import io.backupsentinel.testing.SpecParams;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static io.backupsentinel.testing.CheckPlans.byArn;
import static io.backupsentinel.testing.CheckPlans.byConditions;
import static io.backupsentinel.testing.CheckPlans.byTag;
import static io.backupsentinel.testing.CheckPlans.plan;
import static io.backupsentinel.testing.CheckPlans.rule;
import static org.assertj.core.api.Assertions.assertThat;

class BackupPlanCheckTest {
    private static final PlanRule HOURLY = rule("hourly", "cron(0 * ? * * *)", "prod-vault", 35L);
    private static final PlanRule DAILY = rule("daily", "cron(0 5 ? * * *)", "prod-vault", 35L);

    private final BackupPlanCheck check = new BackupPlanCheck();
    private final BackupPlanCheck.P defaults = SpecParams.bind(check);

    @Test
    void a_table_selected_by_arn_in_an_hourly_plan_is_compliant_and_observed_says_how() {
        CheckFactsBuilder f = CheckFactsBuilder.table("orders");
        f.plans(plan("gold-plan", List.of(HOURLY), byArn("gold-tables", f.arn())));
        Outcome o = check.evaluate(f.build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).startsWith("covered by gold-plan (selection gold-tables by ARN); rule gold-plan/hourly:")
                .contains("longest gap 1h").contains("keep 35d").contains("vault prod-vault");
    }

    @Test
    void a_table_covered_only_through_conditions_is_found() {
        CheckFactsBuilder f = CheckFactsBuilder.table("customers").tag("backup-tier", "silver");
        f.plans(plan("gold-plan", List.of(HOURLY), byArn("gold-tables", "arn:aws:dynamodb:us-east-1:111111111111:table/orders")),
                plan("silver-plan", List.of(DAILY), byConditions("silver-tables", "StringEquals", "backup-tier", "silver",
                        "StringNotEquals", "copy", "none")));
        Outcome o = check.evaluate(f.build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).contains("silver-plan (selection silver-tables by ARN pattern arn:aws:dynamodb:*:*:table/*"
                + " and conditions StringEquals backup-tier=silver, StringNotEquals copy=none)");
    }

    @Test
    void a_table_covered_by_a_tag_only_selection_is_found() {
        CheckFactsBuilder f = CheckFactsBuilder.table("catalog").tag("copy", "none");
        f.plans(plan("nocopy-plan", List.of(DAILY), byTag("nocopy", "copy", "none")));
        Outcome o = check.evaluate(f.build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).contains("nocopy-plan (selection nocopy by tag copy=none)");
    }

    @Test
    void a_table_in_no_plan_is_non_compliant_with_the_command_to_assign_it() {
        CheckFactsBuilder f = CheckFactsBuilder.table("invoices");
        f.plans(plan("gold-plan", List.of(HOURLY), byArn("gold-tables", "arn:aws:dynamodb:us-east-1:111111111111:table/orders")));
        Outcome o = check.evaluate(f.build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).isEqualTo("in no plan (1 plans checked)");
        assertThat(o.message()).contains("aws backup create-backup-selection").contains(f.arn());
    }

    @Test
    void a_weekly_schedule_breaks_a_daily_interval() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.plans(plan("weekly-plan", List.of(rule("weekly", "cron(0 5 ? * SUN *)", "prod-vault", 35L)), byArn("s", f.arn())));
        Outcome o = check.evaluate(f.build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("weekly-plan/weekly: cron(0 5 ? * SUN *) UTC, longest gap 7d (over 1d)");
    }

    @Test
    void an_interval_exactly_at_max_interval_is_compliant() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.plans(plan("p", List.of(DAILY), byArn("s", f.arn())));
        assertThat(check.evaluate(f.build(), SpecParams.bind(check, "max_interval", "24h"), NOW).status())
                .isEqualTo(Status.COMPLIANT);
    }

    @Test
    void continuous_backup_alone_meets_any_interval() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.plans(plan("pitr-plan", List.of(new PlanRule("continuous", "prod-vault", null, null, 35L, null, true, List.of())),
                byArn("s", f.arn())));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "max_interval", "1h"), NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).contains("continuous backup");
    }

    @Test
    void an_unparseable_schedule_does_not_meet_the_interval_and_says_why() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.plans(plan("p", List.of(rule("broken", "cron(0 5 * * * *)", "prod-vault", 35L)), byArn("s", f.arn())));
        Outcome o = check.evaluate(f.build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("p/broken: cannot parse schedule 'cron(0 5 * * * *)'");
    }

    @Test
    void short_retention_and_a_wrong_vault_are_each_reported() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.plans(plan("p", List.of(rule("r", "cron(0 5 ? * * *)", "scratch-vault", 7L)), byArn("s", f.arn())));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "min_retention", "35d", "vaults", List.of("prod-*")), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("keeps 7d (under 35d)").contains("vault scratch-vault is not one of prod-*");
    }

    @Test
    void a_rule_that_keeps_forever_meets_any_minimum_retention() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.plans(plan("p", List.of(rule("r", "cron(0 5 ? * * *)", "prod-vault", null)), byArn("s", f.arn())));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "min_retention", "3650d"), NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).contains("keep forever");
    }

    @Test
    void one_good_rule_among_several_is_enough() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.plans(plan("p", List.of(rule("monthly", "cron(0 5 1 * ? *)", "prod-vault", 365L), DAILY), byArn("s", f.arn())));
        Outcome o = check.evaluate(f.build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).contains("rule p/daily");
    }

    @Test
    void plans_unknown_is_unknown() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").failed(FactKind.PLANS, "ListBackupPlans: AccessDenied").build(),
                defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).isEqualTo("Backup plans unknown: ListBackupPlans: AccessDenied");
    }

    @Test
    void tags_unknown_is_unknown() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").noTags().build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).contains("tags unknown");
    }
}
