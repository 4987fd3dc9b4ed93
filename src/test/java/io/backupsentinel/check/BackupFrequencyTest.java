package io.backupsentinel.check;

import io.backupsentinel.model.PlanRule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class BackupFrequencyTest {
    @Test
    void an_hourly_cron_has_a_one_hour_gap() {
        assertThat(BackupFrequency.of(rule("cron(0 * ? * * *)", null), NOW).longest()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void a_daily_cron_has_a_24_hour_gap() {
        BackupFrequency f = BackupFrequency.of(rule("cron(0 5 ? * * *)", null), NOW);
        assertThat(f.longest()).isEqualTo(Duration.ofHours(24));
        assertThat(f.description()).contains("cron(0 5 ? * * *) UTC").contains("longest gap 1d");
    }

    @Test
    void a_weekday_cron_has_the_weekend_as_its_longest_gap() {
        assertThat(BackupFrequency.of(rule("cron(0 5 ? * MON-FRI *)", null), NOW).longest())
                .isEqualTo(Duration.ofHours(72));
    }

    @Test
    void aws_day_of_week_numbers_start_at_sunday_like_quartz() {
        // 2 and 6 are MON and FRI in AWS cron: gaps of 4 days (MON→FRI) and 3 days (FRI→MON).
        assertThat(BackupFrequency.of(rule("cron(0 5 ? * 2,6 *)", null), NOW).longest()).isEqualTo(Duration.ofDays(4));
    }

    @Test
    void a_monthly_cron_still_yields_its_full_gap_beyond_two_weeks() {
        assertThat(BackupFrequency.of(rule("cron(0 5 1 * ? *)", null), NOW).longest()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void the_schedule_time_zone_is_honoured_across_a_daylight_saving_change() {
        Instant beforeFallBack = Instant.parse("2026-10-28T00:00:00Z");
        assertThat(BackupFrequency.of(rule("cron(0 12 ? * * *)", "America/New_York"), beforeFallBack).longest())
                .isEqualTo(Duration.ofHours(25));
        assertThat(BackupFrequency.of(rule("cron(0 12 ? * * *)", null), beforeFallBack).longest())
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void continuous_backup_counts_as_interval_zero_even_without_a_schedule() {
        PlanRule continuous = new PlanRule("pitr", "prod-vault", null, null, 35L, null, true, List.of());
        assertThat(BackupFrequency.of(continuous, NOW).longest()).isZero();
    }

    @Test
    void a_rate_expression_is_its_interval() {
        assertThat(BackupFrequency.of(rule("rate(12 hours)", null), NOW).longest()).isEqualTo(Duration.ofHours(12));
    }

    @Test
    void an_unparseable_cron_is_a_problem_with_the_reason() {
        BackupFrequency f = BackupFrequency.of(rule("cron(0 5 * * * *)", null), NOW);
        assertThat(f.known()).isFalse();
        assertThat(f.problem()).contains("cannot parse schedule 'cron(0 5 * * * *)'");
    }

    @Test
    void a_cron_with_five_fields_is_a_problem() {
        assertThat(BackupFrequency.of(rule("cron(0 5 * * ?)", null), NOW).problem()).contains("has 5 fields");
    }

    @Test
    void a_cron_whose_years_are_past_never_fires_again() {
        assertThat(BackupFrequency.of(rule("cron(0 5 ? * * 2020)", null), NOW).problem()).contains("never fires again");
    }

    @Test
    void an_unknown_time_zone_is_a_problem() {
        assertThat(BackupFrequency.of(rule("cron(0 5 ? * * *)", "Mars/Olympus"), NOW).problem())
                .contains("'Mars/Olympus' is not a time zone");
    }

    @Test
    void a_rule_without_schedule_or_continuous_backup_is_a_problem() {
        assertThat(BackupFrequency.of(rule(null, null), NOW).problem()).contains("no schedule");
    }

    private static PlanRule rule(String schedule, String zone) {
        return new PlanRule("r", "prod-vault", schedule, zone, 35L, null, false, List.of());
    }
}
