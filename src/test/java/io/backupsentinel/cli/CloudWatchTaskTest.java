package io.backupsentinel.cli;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CloudWatchTaskTest {
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    private static Finding finding(String rule, String table, Status status) {
        return new Finding("111111111111", "us-east-1", table, "arn:aws:dynamodb:us-east-1:111111111111:table/" + table,
                rule, "rpo", Severity.HIGH, status, "", "", "", NOW);
    }

    @Test
    void findings_are_counted_per_rule_and_status() {
        Map<String, Map<Status, Long>> counts = CloudWatchTask.countsByRule(List.of(
                finding("rpo-1h", "orders", Status.NON_COMPLIANT), finding("rpo-1h", "users", Status.COMPLIANT),
                finding("rpo-1h", "carts", Status.COMPLIANT), finding("pitr-on", "orders", Status.UNKNOWN)));

        assertThat(counts).isEqualTo(Map.of(
                "rpo-1h", Map.of(Status.NON_COMPLIANT, 1L, Status.COMPLIANT, 2L),
                "pitr-on", Map.of(Status.UNKNOWN, 1L)));
    }

    @Test
    void the_worst_age_is_that_of_the_oldest_newest_point() {
        assertThat(CloudWatchTask.worstAge(List.of(NOW.minusSeconds(60), NOW.minusSeconds(7200), NOW.minusSeconds(300)),
                NOW)).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void without_points_there_is_no_worst_age_and_a_future_point_is_age_zero() {
        assertThat(CloudWatchTask.worstAge(List.of(), NOW)).isNull();
        assertThat(CloudWatchTask.worstAge(List.of(NOW.plusSeconds(5)), NOW)).isEqualTo(Duration.ZERO);
    }
}
