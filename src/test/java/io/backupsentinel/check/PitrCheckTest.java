package io.backupsentinel.check;

import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.Status;
import io.backupsentinel.testing.CheckFactsBuilder;
import io.backupsentinel.testing.SpecParams;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static io.backupsentinel.testing.CheckFactsBuilder.ago;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PitrCheckTest {
    private final PitrCheck check = new PitrCheck();
    private final PitrCheck.P defaults = SpecParams.bind(check);

    @Test
    void pitr_on_with_35_days_and_a_5_minute_lag_is_compliant() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("orders").pitrOn(35, Duration.ofMinutes(5)).build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).isEqualTo("PITR enabled, period 35d, latest restorable 5m ago");
        assertThat(o.expected()).isEqualTo("PITR enabled, period ≥ 35d, lag ≤ 15m");
    }

    @Test
    void pitr_disabled_is_non_compliant_with_the_command_that_enables_it() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("payments").build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).isEqualTo("PITR disabled");
        assertThat(o.message()).contains("aws dynamodb update-continuous-backups --region us-east-1 --table-name payments"
                + " --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true,RecoveryPeriodInDays=35");
    }

    @Test
    void a_7_day_recovery_period_is_non_compliant_and_says_how_to_raise_it() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("sessions").pitrOn(7, Duration.ofMinutes(5)).build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).isEqualTo("PITR enabled, period 7d, latest restorable 5m ago");
        assertThat(o.message()).startsWith("Recovery period is 7 days; raise it:").contains("RecoveryPeriodInDays=35");
    }

    @Test
    void a_stuck_latest_restorable_time_is_non_compliant() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("inventory").pitrOn(35, Duration.ofHours(3)).build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("3h behind (limit 15m)");
    }

    @Test
    void a_lag_exactly_at_the_limit_is_compliant() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").pitrOn(35, Duration.ofMinutes(15)).build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void a_period_exactly_at_the_minimum_is_compliant() {
        PitrCheck.P p = SpecParams.bind(check, "min_recovery_period", "14d");
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").pitrOn(14, Duration.ofMinutes(1)).build(), p, NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void an_unreported_period_is_the_aws_default_of_35_days() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").pitrOn(null, Duration.ofMinutes(5)).build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).contains("period 35d (AWS default)");
    }

    @Test
    void a_throttled_describe_is_unknown_with_its_cause() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("ap-orders")
                .failed(FactKind.PITR, "DescribeContinuousBackups failed: ThrottlingException: Rate exceeded").build(),
                defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).isEqualTo("PITR status unknown: DescribeContinuousBackups failed: ThrottlingException: Rate exceeded");
    }

    @Test
    void enabled_without_a_latest_restorable_time_is_unknown() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").pitr(new PitrState(true, 35, null, null)).build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).contains("no LatestRestorableDateTime");
    }

    @Test
    void enabled_without_a_latest_restorable_time_but_too_short_a_period_is_non_compliant() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").pitr(new PitrState(true, 7, null, null)).build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
    }

    @Test
    void a_latest_restorable_time_in_the_future_counts_as_no_lag() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").pitr(new PitrState(true, 35, ago(Duration.ofDays(35)),
                NOW.plusSeconds(30))).build(), defaults, NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).contains("latest restorable 0s ago");
    }

    @Test
    void min_recovery_period_must_be_whole_days_within_aws_bounds() {
        assertThatThrownBy(() -> SpecParams.bind(check, "min_recovery_period", "36d")).hasMessageContaining("1d to 35d");
        assertThatThrownBy(() -> SpecParams.bind(check, "min_recovery_period", "36h")).hasMessageContaining("whole days");
    }

    @Test
    void missing_values_fall_back_to_the_documented_defaults() {
        assertThat(check.bind(new Params(java.util.Map.of()))).isEqualTo(new PitrCheck.P(35, Duration.ofMinutes(15)));
    }
}
