package io.backupsentinel.rule;

import io.backupsentinel.check.Outcome;
import io.backupsentinel.model.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fixture checks echo the parameters they were called with in {@code expected}. */
class RuleEvaluationTest {
    private final RuleSet demo = Fixtures.load(Fixtures.VALID.resolve("demo"));
    private final Rule rpo = demo.rule("prod-rpo").orElseThrow();
    private final Rule pitr = demo.rule("prod-pitr").orElseThrow();

    @Test
    void a_tier_level_overrides_the_rules_own_value_and_keeps_the_rest() {
        Outcome gold = rpo.evaluate(Fixtures.facts("orders", Map.of("backup-tier", "gold")), Fixtures.NOW);
        assertThat(gold.status()).isEqualTo(Status.COMPLIANT);
        assertThat(gold.expected()).isEqualTo("{max_age=1h, sources=[pitr, aws_backup]}");
        Outcome silver = pitr.evaluate(Fixtures.facts("sessions", Map.of("backup-tier", "silver")), Fixtures.NOW);
        assertThat(silver.expected()).isEqualTo("{max_lag=15m, min_recovery_period=14d}");
    }

    @Test
    void a_table_without_the_tier_tag_uses_the_rules_own_params() {
        Outcome o = rpo.evaluate(Fixtures.facts("orders", Map.of("env", "prod")), Fixtures.NOW);
        assertThat(o.expected()).isEqualTo("{max_age=1d, sources=[pitr, aws_backup]}");
        assertThat(o.message()).isEqualTo("rpo evaluated");
    }

    @Test
    void a_level_that_says_nothing_about_the_check_uses_the_rules_own_params() {
        Outcome bronze = rpo.evaluate(Fixtures.facts("invoices", Map.of("backup-tier", "bronze")), Fixtures.NOW);
        assertThat(bronze.expected()).isEqualTo("{max_age=1d, sources=[pitr, aws_backup]}");
        assertThat(bronze.message()).isEqualTo("rpo evaluated");
    }

    @Test
    void a_tag_naming_no_defined_level_uses_the_rules_params_and_says_so() {
        Outcome o = rpo.evaluate(Fixtures.facts("orders", Map.of("backup-tier", "platinum")), Fixtures.NOW);
        assertThat(o.expected()).isEqualTo("{max_age=1d, sources=[pitr, aws_backup]}");
        assertThat(o.message()).isEqualTo("rpo evaluated (tier 'platinum' from tag backup-tier is not defined;"
                + " the rule's own params were used)");
    }

    @Test
    void params_for_a_table_follow_the_same_precedence() {
        assertThat(rpo.paramsFor(Map.of("backup-tier", "silver")).duration("max_age")).isEqualTo(Duration.ofHours(4));
        assertThat(rpo.paramsFor(Map.of("backup-tier", "platinum")).duration("max_age")).isEqualTo(Duration.ofHours(24));
        assertThat(rpo.tierParams()).containsOnlyKeys("gold", "silver", "bronze");
    }

    @Test
    void without_tiers_every_table_uses_the_rules_params() {
        Rule export = Fixtures.load(Fixtures.VALID.resolve("single-file.yaml")).rule("exports-daily").orElseThrow();
        Outcome o = export.evaluate(Fixtures.facts("events", Map.of("backup-tier", "gold")), Fixtures.NOW);
        assertThat(o.expected()).isEqualTo("{max_age=1d2h, require_kms=true}");
        assertThat(o.message()).isEqualTo("export evaluated");
    }
}
