package io.backupsentinel.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditResultReachTest {
    private static AuditResult with(RuleReach... reach) {
        return new AuditResult(Instant.EPOCH, Duration.ZERO, List.of(), List.of(), Map.of(), 0, List.of(reach));
    }

    @Test
    void a_rule_that_reached_no_table_fails_the_audit_with_exit_2_and_is_named() {
        AuditResult r = with(new RuleReach("prod-pitr", 3, false), new RuleReach("prod-rpo", 0, false));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.emptyRules()).containsExactly("prod-rpo");
        assertThat(r.tablesByRule()).containsExactly(Map.entry("prod-pitr", 3), Map.entry("prod-rpo", 0));
    }

    @Test
    void a_rule_allowed_to_be_empty_does_not_fail_the_audit() {
        assertThat(with(new RuleReach("legacy", 0, true)).exitCode()).isZero();
    }
}
