package io.backupsentinel.alert;

import io.backupsentinel.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static io.backupsentinel.alert.Findings.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingsTest {
    @Test
    void the_defaults_are_pagerdutys_url_critical_rules_and_the_rpo_check_and_an_hour_before_audit_blind() {
        PagerDutySettings d = PagerDutySettings.defaults();

        assertThat(d.eventsUrl()).isEqualTo(URI.create("https://events.pagerduty.com/v2/enqueue"));
        assertThat(d.deployment()).isEqualTo("backup-sentinel");
        assertThat(d.minimumSeverity()).isEqualTo(Severity.CRITICAL);
        assertThat(d.pagingChecks()).containsExactly("rpo");
        assertThat(d.blindAfter()).isEqualTo(Duration.ofHours(1));
        assertThat(d.blindEvents()).isTrue();
        assertThat(d.statusPageUrl()).isNull();
    }

    @Test
    void the_settings_never_show_the_routing_key() {
        assertThat(PagerDutySettings.defaults().enabledWith(KEY).toString()).doesNotContain(KEY).contains("<redacted>");
    }

    @Test
    void the_routing_key_comes_from_the_environment() {
        assertThat(RoutingKey.read(Map.of(RoutingKey.ENVIRONMENT_VARIABLE, KEY), null)).isEqualTo(KEY);
    }

    @Test
    void a_configured_secret_file_wins_over_the_environment_and_its_trailing_newline_is_ignored(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("key"), "fedcba9876543210fedcba9876543210\n");

        assertThat(RoutingKey.read(Map.of(RoutingKey.ENVIRONMENT_VARIABLE, KEY), file))
                .isEqualTo("fedcba9876543210fedcba9876543210");
    }

    @Test
    void no_routing_key_anywhere_says_where_to_put_one() {
        assertThatThrownBy(() -> RoutingKey.read(Map.of(), null))
                .hasMessageContaining("BACKUP_SENTINEL_PAGERDUTY_ROUTING_KEY");
    }

    @Test
    void a_missing_secret_file_is_named(@TempDir Path dir) {
        assertThatThrownBy(() -> RoutingKey.read(Map.of(), dir.resolve("nope")))
                .hasMessageContaining("nope").hasMessageContaining("does not exist");
    }

    @Test
    void a_key_of_the_wrong_length_is_refused_without_showing_it() {
        String wrong = "short-secret-value";

        assertThatThrownBy(() -> RoutingKey.read(Map.of(RoutingKey.ENVIRONMENT_VARIABLE, wrong), null))
                .hasMessageContaining("18 characters").hasMessageContaining("32")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
    }

    @Test
    void enabling_paging_without_a_routing_key_is_refused() {
        assertThatThrownBy(() -> PagerDutySettings.defaults().enabledWith(null))
                .hasMessageContaining("routing key is missing");
    }

    @Test
    void a_deployment_name_that_could_blur_dedup_keys_is_refused() {
        assertThatThrownBy(() -> new PagerDutySettings(false, PagerDutySettings.DEFAULT_EVENTS_URL, null, "eu/prod",
                Severity.CRITICAL, Set.of(), null, Duration.ofHours(1), true)).hasMessageContaining("eu/prod");
    }

    @Test
    void a_blind_after_short_enough_to_page_on_a_single_miss_is_refused() {
        assertThatThrownBy(() -> new PagerDutySettings(false, PagerDutySettings.DEFAULT_EVENTS_URL, null, "d",
                Severity.CRITICAL, Set.of(), null, Duration.ofSeconds(10), true)).hasMessageContaining("at least 1m");
    }

    @Test
    void an_events_url_that_is_not_http_is_refused() {
        assertThatThrownBy(() -> new PagerDutySettings(false, URI.create("ftp://example.com/x"), null, "d",
                Severity.CRITICAL, Set.of(), null, Duration.ofHours(1), true)).hasMessageContaining("http(s)");
    }
}
