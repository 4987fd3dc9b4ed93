package io.backupsentinel.check;

import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.Status;
import io.backupsentinel.testing.CheckFactsBuilder;
import io.backupsentinel.testing.SpecParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static io.backupsentinel.testing.CheckFactsBuilder.export;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RpoCheckTest {
    private final RpoCheck check = new RpoCheck();

    private static CheckFactsBuilder orders() {
        CheckFactsBuilder f = CheckFactsBuilder.table("orders").pitrOn(35, Duration.ofMinutes(5));
        return f.onDemand(f.backup(Duration.ofHours(2), null))
                .recoveryPoints(f.point("prod-vault", Duration.ofMinutes(40), "COMPLETED", 35L))
                .exports(export("COMPLETED", Duration.ofHours(20), "KMS"));
    }

    @Test
    void observed_lists_every_source_and_the_effective_age() {
        Outcome o = check.evaluate(orders().build(), SpecParams.bind(check, "max_age", "1h"), NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).isEqualTo("effective 5m (pitr); pitr=5m on_demand=2h aws_backup=40m export=20h");
    }

    @Test
    void only_the_chosen_sources_count() {
        Outcome o = check.evaluate(orders().build(),
                SpecParams.bind(check, "max_age", "30m", "sources", List.of("aws_backup", "export")), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).isEqualTo("effective 40m (aws_backup); aws_backup=40m export=20h");
        assertThat(o.message()).contains("RPO breached").contains("40m old (aws_backup, prod-vault), over 30m");
    }

    @Test
    void an_age_exactly_at_max_age_is_compliant() {
        Outcome o = check.evaluate(orders().build(),
                SpecParams.bind(check, "max_age", "40m", "sources", List.of("aws_backup")), NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
    }

    @Test
    void recovery_points_in_other_vaults_do_not_count_when_vaults_are_given() {
        CheckFactsBuilder f = CheckFactsBuilder.table("orders");
        f.recoveryPoints(f.point("scratch-vault", Duration.ofMinutes(10), "COMPLETED", 1L),
                f.point("prod-vault", Duration.ofHours(5), "COMPLETED", 35L));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "max_age", "1h", "sources",
                List.of("aws_backup"), "vaults", List.of("prod-*")), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).isEqualTo("effective 5h (aws_backup); aws_backup=5h");
    }

    @Test
    void partial_and_expired_recovery_points_are_not_restorable() {
        CheckFactsBuilder f = CheckFactsBuilder.table("ledger");
        f.recoveryPoints(f.point("prod-vault", Duration.ofHours(1), "PARTIAL", 35L),
                f.point("prod-vault", Duration.ofDays(2), "EXPIRED", 35L),
                f.point("prod-vault", Duration.ofDays(5), "COMPLETED", 35L));
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "max_age", "24h"), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).startsWith("effective 5d (aws_backup)");
    }

    @Test
    void no_restorable_point_within_the_listed_window_is_non_compliant() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("scratch").build(), SpecParams.bind(check, "max_age", "24h"), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
        assertThat(o.observed()).isEqualTo("no restorable point; pitr=none on_demand=none aws_backup=none export=none");
        // Backups are listed back to max_age (and a margin), so the message claims no more than that window.
        assertThat(o.message()).contains("no restorable point from pitr, on_demand, aws_backup, export within the"
                + " last 1d (older backups are not listed): it cannot be restored to a point within the RPO");
    }

    @Test
    void an_unknown_source_does_not_matter_when_a_known_one_meets_the_rpo() {
        Outcome o = check.evaluate(orders().failed(FactKind.PITR, "ThrottlingException").build(),
                SpecParams.bind(check, "max_age", "1h"), NOW);
        assertThat(o.status()).isEqualTo(Status.COMPLIANT);
        assertThat(o.observed()).contains("pitr=unknown").startsWith("effective 40m (aws_backup)");
        assertThat(o.message()).contains("PITR status unknown: ThrottlingException");
    }

    @Test
    void an_unknown_source_makes_a_breach_unknown() {
        CheckFactsBuilder f = CheckFactsBuilder.table("invoices");
        f.onDemand(f.backup(Duration.ofDays(9), null)).failed(FactKind.RECOVERY_POINTS, "AccessDeniedException");
        Outcome o = check.evaluate(f.build(), SpecParams.bind(check, "max_age", "24h"), NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.observed()).isEqualTo("effective 9d (on_demand); pitr=none on_demand=9d aws_backup=unknown export=none");
        assertThat(o.message()).contains("AWS Backup recovery points unknown: AccessDeniedException");
    }

    @ParameterizedTest
    @EnumSource(value = FactKind.class, names = {"PITR", "ON_DEMAND_BACKUPS", "RECOVERY_POINTS", "EXPORTS"})
    void each_unreadable_source_on_a_table_without_points_is_unknown_with_its_cause(FactKind kind) {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").failed(kind, "CAUSE-" + kind).build(),
                SpecParams.bind(check, "max_age", "24h"), NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).contains("CAUSE-" + kind);
    }

    @Test
    void every_source_unknown_or_empty_is_unknown() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").failed(FactKind.EXPORTS, "ListExports timed out").build(),
                SpecParams.bind(check, "max_age", "24h"), NOW);
        assertThat(o.status()).isEqualTo(Status.UNKNOWN);
        assertThat(o.message()).contains("exports unknown: ListExports timed out");
    }

    @Test
    void disabled_pitr_is_no_source_even_with_old_restorable_times() {
        Outcome o = check.evaluate(CheckFactsBuilder.table("t").pitr(new io.backupsentinel.model.PitrState(false, 35,
                NOW.minusSeconds(7200), NOW.minusSeconds(60))).build(), SpecParams.bind(check, "max_age", "1h"), NOW);
        assertThat(o.status()).isEqualTo(Status.NON_COMPLIANT);
    }

    @Test
    void max_age_is_required_and_sources_must_be_known() {
        assertThatThrownBy(() -> SpecParams.bind(check)).hasMessageContaining("max_age is required");
        assertThatThrownBy(() -> SpecParams.bind(check, "max_age", "1h", "sources", List.of("tape")))
                .hasMessageContaining("unknown recovery source 'tape'");
    }
}
