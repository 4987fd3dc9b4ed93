package io.backupsentinel.check;

import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.RecoveryPoint;
import io.backupsentinel.model.Status;
import io.backupsentinel.testing.CheckFactsBuilder;
import io.backupsentinel.testing.SpecParams;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static io.backupsentinel.testing.CheckFactsBuilder.ago;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionCheckTest {
    private final RetentionCheck check = new RetentionCheck();

    @Test
    void points_kept_35_days_meet_a_35_day_minimum_exactly() {
        CheckFactsBuilder f = CheckFactsBuilder.table("orders");
        f.recoveryPoints(f.point("prod-vault", Duration.ofHours(1), "COMPLETED", 35L),
                f.point("prod-vault", Duration.ofHours(2), "COMPLETED", 35L));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "min_retention", "35d"), NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).isEqualTo("2 restorable backups, kept 35d to 35d");
    }

    @Test
    void a_point_kept_too_short_is_non_compliant_and_named() {
        CheckFactsBuilder f = CheckFactsBuilder.table("orders");
        RecoveryPoint shortLived = f.point("prod-vault", Duration.ofHours(1), "COMPLETED", 7L);
        f.recoveryPoints(shortLived, f.point("prod-vault", Duration.ofHours(2), "COMPLETED", 35L));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "min_retention", "35d"), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("1 of 2 backups are kept under 35d").contains(shortLived.arn())
                .contains("at least 35 days");
    }

    @Test
    void a_point_without_lifecycle_is_kept_forever_and_breaks_a_maximum() {
        CheckFactsBuilder f = CheckFactsBuilder.table("invoices");
        f.onDemand(f.backup(Duration.ofDays(9), null));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "min_retention", "35d", "max_retention", "400d"), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).isEqualTo("1 restorable backup, kept forever to forever");
        assertThat(o.message()).contains("kept over 400d").contains("kept forever");
    }

    @Test
    void a_point_without_lifecycle_meets_any_minimum() {
        CheckFactsBuilder f = CheckFactsBuilder.table("invoices");
        f.onDemand(f.backup(Duration.ofDays(9), null));
        assertThat(check.evaluate(f.build(), SpecParams.bind(check, "min_retention", "3650d"), NOW).status())
                .isEqualTo(Status.COMPLIANT);
    }

    @Test
    void calculated_delete_at_is_used_when_delete_after_days_is_absent() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.recoveryPoints(new RecoveryPoint("arn:rp1", f.arn(), "prod-vault", null, ago(Duration.ofDays(1)), null,
                "COMPLETED", null, null, ago(Duration.ofDays(1)).plus(Duration.ofDays(10)), true, null, null));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "min_retention", "14d"), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("kept 10d");
    }

    @Test
    void on_demand_expiry_sets_how_long_a_backup_is_kept() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.onDemand(f.backup(Duration.ofDays(1), ago(Duration.ofDays(1)).plus(Duration.ofDays(500))));
        assertThat(check.evaluate(f.build(), SpecParams.bind(check, "max_retention", "400d"), NOW).status())
                .isEqualTo(Status.NON_COMPLIANT);
    }

    @Test
    void expired_points_do_not_count_toward_min_count() {
        CheckFactsBuilder f = CheckFactsBuilder.table("ledger");
        f.recoveryPoints(f.point("prod-vault", Duration.ofHours(1), "PARTIAL", 35L),
                f.point("prod-vault", Duration.ofDays(2), "EXPIRED", 35L),
                f.point("prod-vault", Duration.ofDays(5), "COMPLETED", 35L));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "min_count", 2), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).startsWith("Only 1 restorable backup(s), at least 2 required");
    }

    @Test
    void the_same_backup_listed_by_dynamodb_and_aws_backup_counts_once() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        RecoveryPoint rp = f.point("prod-vault", Duration.ofHours(1), "COMPLETED", 35L);
        f.recoveryPoints(rp).onDemand(new io.backupsentinel.model.OnDemandBackup(rp.arn(), "awsbackup", rp.created(),
                "AVAILABLE", "AWS_BACKUP", 1L, rp.deleteAt()));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "min_count", 2), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).startsWith("1 restorable backup,");
    }

    @Test
    void no_backups_at_all_fail_a_minimum_retention() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("scratch").build(), SpecParams.bind(check, "min_retention", "7d"), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.message()).contains("no restorable backup");
    }

    @Test
    void only_the_chosen_sources_are_judged() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.onDemand(f.backup(Duration.ofDays(9), null))
                .recoveryPoints(f.point("prod-vault", Duration.ofHours(1), "COMPLETED", 35L));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "max_retention", "100d", "sources",
                List.of("aws_backup")), NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void an_unknown_source_with_no_known_violation_is_unknown() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.recoveryPoints(f.point("prod-vault", Duration.ofHours(1), "COMPLETED", 35L))
                .failed(FactKind.ON_DEMAND_BACKUPS, "ListBackups: ThrottlingException");
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "min_retention", "35d", "min_count", 2), NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).contains("on-demand backups unknown: ListBackups: ThrottlingException");
    }

    @Test
    void a_known_violation_is_non_compliant_even_with_an_unknown_source() {
        CheckFactsBuilder f = CheckFactsBuilder.table("t");
        f.recoveryPoints(f.point("prod-vault", Duration.ofHours(1), "COMPLETED", 1L))
                .failed(FactKind.ON_DEMAND_BACKUPS, "ListBackups: ThrottlingException");
        assertThat(check.evaluate(f.build(), SpecParams.bind(check, "min_retention", "35d"), NOW).status())
                .isEqualTo(Status.NON_COMPLIANT);
    }

    @Test
    void recovery_points_unknown_is_unknown() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").failed(FactKind.RECOVERY_POINTS, "AccessDenied").build(),
                SpecParams.bind(check, "min_retention", "35d"), NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).contains("AWS Backup recovery points unknown: AccessDenied");
    }

    @Test
    void at_least_one_limit_is_required_and_min_may_not_exceed_max() {
        assertThatThrownBy(() -> SpecParams.bind(check)).hasMessageContaining("at least one of");
        assertThatThrownBy(() -> SpecParams.bind(check, "min_retention", "90d", "max_retention", "30d"))
                .hasMessage("min_retention (90d) is above max_retention (30d)");
    }
}
