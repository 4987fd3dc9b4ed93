package io.backupsentinel.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.OutboxEvent;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Transition;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.backupsentinel.alert.Findings.KEY;
import static io.backupsentinel.alert.Findings.T0;
import static io.backupsentinel.alert.Findings.finding;
import static io.backupsentinel.alert.Findings.rpo;
import static org.assertj.core.api.Assertions.assertThat;

class AlertPolicyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PagerDutySettings SETTINGS = PagerDutySettings.defaults().enabledWith(KEY);

    private final AlertPolicy policy = new AlertPolicy(SETTINGS);

    private static Finding breach() {
        return rpo("111111111111", "us-east-1", "orders", Status.NON_COMPLIANT, T0);
    }

    private static Finding as(Finding f, Status status, int minutesLater) {
        return finding(f.rule(), f.check(), f.severity(), f.account(), f.region(), f.table(), status,
                T0.plusSeconds(60L * minutesLater));
    }

    private List<OutboxEvent> decide(Transition... transitions) {
        return policy.decide(List.of(transitions), transitions[transitions.length - 1].at());
    }

    private static JsonNode body(OutboxEvent e) throws Exception {
        return JSON.readTree(e.payload());
    }

    @Test
    void a_critical_finding_that_opens_non_compliant_triggers_one_pagerduty_event() {
        List<OutboxEvent> events = decide(Transition.opened(breach()));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.channel()).isEqualTo("pagerduty");
            assertThat(e.action()).isEqualTo("trigger");
            assertThat(e.dedupKey()).isEqualTo(
                    "backup-sentinel/prod-rpo/arn:aws:dynamodb:us-east-1:111111111111:table/orders");
        });
    }

    @Test
    void a_finding_compliant_again_resolves_the_incident_it_opened() {
        OutboxEvent trigger = decide(Transition.opened(breach())).get(0);

        List<OutboxEvent> events = decide(Transition.changed(breach(), as(breach(), Status.COMPLIANT, 5)));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("resolve");
            assertThat(e.dedupKey()).isEqualTo(trigger.dedupKey());
        });
    }

    @Test
    void an_exempted_finding_resolves_its_incident() {
        decide(Transition.opened(breach()));

        assertThat(decide(Transition.changed(breach(), as(breach(), Status.EXEMPT, 5))))
                .extracting(OutboxEvent::action).containsExactly("resolve");
    }

    @Test
    void a_closed_finding_resolves_its_incident() {
        decide(Transition.opened(breach()));

        assertThat(decide(Transition.closed(breach(), T0.plusSeconds(60))))
                .extracting(OutboxEvent::action).containsExactly("resolve");
    }

    @Test
    void unknown_between_a_breach_and_recovery_keeps_the_incident_open_and_the_recovery_resolves_it() {
        decide(Transition.opened(breach()));
        Finding unknown = as(breach(), Status.UNKNOWN, 5);

        List<OutboxEvent> whileUnknown = decide(Transition.changed(breach(), unknown));
        List<OutboxEvent> recovered = decide(Transition.changed(unknown, as(breach(), Status.COMPLIANT, 10)));

        assertThat(whileUnknown).isEmpty();
        assertThat(recovered).extracting(OutboxEvent::action).containsExactly("resolve");
    }

    @Test
    void unknown_never_pages() {
        Finding compliant = as(breach(), Status.COMPLIANT, 0);

        assertThat(decide(Transition.opened(as(breach(), Status.UNKNOWN, 0)))).isEmpty();
        assertThat(decide(Transition.changed(compliant, as(breach(), Status.UNKNOWN, 5)))).isEmpty();
    }

    @Test
    void a_finding_that_never_paged_sends_nothing_when_it_recovers_from_unknown() {
        Finding unknown = as(breach(), Status.UNKNOWN, 0);
        decide(Transition.opened(unknown));

        assertThat(decide(Transition.changed(unknown, as(breach(), Status.COMPLIANT, 5)))).isEmpty();
    }

    @Test
    void a_rule_below_the_minimum_severity_does_not_page() {
        Finding high = finding("prod-pitr", "pitr", Severity.HIGH, "111111111111", "us-east-1", "orders",
                Status.NON_COMPLIANT, T0);

        assertThat(decide(Transition.opened(high))).isEmpty();
        assertThat(decide(Transition.changed(high, as(high, Status.COMPLIANT, 5)))).isEmpty();
    }

    @Test
    void a_lower_minimum_severity_pages_rules_at_that_severity_and_maps_it_onto_pagerduty_error() throws Exception {
        AlertPolicy high = new AlertPolicy(new PagerDutySettings(true, PagerDutySettings.DEFAULT_EVENTS_URL, KEY,
                "backup-sentinel", Severity.HIGH, Set.of(), null, PagerDutySettings.DEFAULT_BLIND_AFTER, true));
        Finding pitr = finding("prod-pitr", "pitr", Severity.HIGH, "111111111111", "us-east-1", "orders",
                Status.NON_COMPLIANT, T0);
        Finding medium = finding("prod-vault", "vault", Severity.MEDIUM, "111111111111", "us-east-1", "orders",
                Status.NON_COMPLIANT, T0);

        List<OutboxEvent> events = high.decide(List.of(Transition.opened(pitr), Transition.opened(medium)), T0);

        assertThat(events).singleElement().satisfies(e ->
                assertThat(body(e).at("/payload/severity").asText()).isEqualTo("error"));
    }

    @Test
    void the_rpo_check_pages_whatever_its_rules_severity() throws Exception {
        Finding low = finding("dev-rpo", "rpo", Severity.LOW, "111111111111", "us-east-1", "orders",
                Status.NON_COMPLIANT, T0);

        List<OutboxEvent> events = decide(Transition.opened(low));

        assertThat(events).singleElement().satisfies(e ->
                assertThat(body(e).at("/payload/severity").asText()).isEqualTo("warning"));
    }

    @Test
    void a_breach_that_changes_its_details_does_not_page_again() {
        decide(Transition.opened(breach()));

        assertThat(decide(Transition.changed(breach(), as(breach(), Status.NON_COMPLIANT, 5)))).isEmpty();
    }

    @Test
    void compliant_findings_never_page() {
        assertThat(decide(Transition.opened(as(breach(), Status.COMPLIANT, 0)))).isEmpty();
    }

    @Test
    void disabled_paging_returns_no_events() {
        AlertPolicy off = new AlertPolicy(PagerDutySettings.defaults());

        assertThat(off.decide(List.of(Transition.opened(breach())), T0)).isEmpty();
    }

    @Test
    void after_a_restart_an_open_breach_still_resolves_when_the_table_recovers() {
        AlertPolicy restarted = new AlertPolicy(SETTINGS);
        restarted.restore(Map.of(FindingKey.of(breach()), breach()));

        List<OutboxEvent> events = restarted.decide(
                List.of(Transition.changed(breach(), as(breach(), Status.COMPLIANT, 5))), T0.plusSeconds(300));

        assertThat(events).extracting(OutboxEvent::action).containsExactly("resolve");
    }

    @Test
    void after_a_restart_a_paging_finding_left_unknown_resolves_when_it_recovers() {
        Finding unknown = as(breach(), Status.UNKNOWN, 5);
        AlertPolicy restarted = new AlertPolicy(SETTINGS);
        restarted.restore(Map.of(FindingKey.of(unknown), unknown));

        List<OutboxEvent> events = restarted.decide(
                List.of(Transition.changed(unknown, as(breach(), Status.COMPLIANT, 10))), T0.plusSeconds(600));

        assertThat(events).extracting(OutboxEvent::action).containsExactly("resolve");
        assertThat(restarted.openIncidents()).isZero();
    }

    @Test
    void after_a_restart_with_the_outboxs_open_incidents_a_never_paged_unknown_finding_stays_quiet() {
        Finding unknown = as(breach(), Status.UNKNOWN, 5);
        Finding other = rpo("222222222222", "us-east-1", "orders", Status.UNKNOWN, T0);
        String otherKey = DedupKeys.finding("backup-sentinel", FindingKey.of(other), other.tableArn());
        AlertPolicy restarted = new AlertPolicy(SETTINGS);
        restarted.restore(Map.of(FindingKey.of(unknown), unknown, FindingKey.of(other), other), Set.of(otherKey));

        List<OutboxEvent> events = restarted.decide(List.of(
                Transition.changed(unknown, as(breach(), Status.COMPLIANT, 10)),
                Transition.changed(other, rpo("222222222222", "us-east-1", "orders", Status.COMPLIANT, T0))),
                T0.plusSeconds(600));

        assertThat(events).extracting(OutboxEvent::action, OutboxEvent::dedupKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("resolve", otherKey));
    }

    @Test
    void the_stored_payload_never_contains_the_routing_key() {
        decide(Transition.opened(breach()));
        List<OutboxEvent> events = decide(Transition.changed(breach(), as(breach(), Status.COMPLIANT, 5)));
        List<OutboxEvent> triggers = new AlertPolicy(SETTINGS).decide(List.of(Transition.opened(breach())), T0);

        assertThat(List.of(triggers.get(0), events.get(0))).allSatisfy(e -> {
            assertThat(e.payload()).doesNotContain(KEY).doesNotContain("routing_key");
        });
    }

    @Test
    void the_trigger_names_table_rule_and_breach_and_carries_the_details_an_on_call_engineer_needs() throws Exception {
        JsonNode body = body(decide(Transition.opened(breach())).get(0));

        assertThat(body.at("/payload/summary").asText())
                .contains("orders", "111111111111/us-east-1", "prod-rpo", "RPO breached", "26h");
        assertThat(body.at("/payload/source").asText()).isEqualTo("arn:aws:dynamodb:us-east-1:111111111111:table/orders");
        assertThat(body.at("/payload/severity").asText()).isEqualTo("critical");
        assertThat(body.at("/payload/timestamp").asText()).isEqualTo("2026-06-01T12:00:00Z");
        assertThat(body.at("/payload/component").asText()).isEqualTo("orders");
        assertThat(body.at("/payload/group").asText()).isEqualTo("111111111111/us-east-1");
        assertThat(body.at("/payload/class").asText()).isEqualTo("rpo");
        JsonNode details = body.at("/payload/custom_details");
        assertThat(details.path("account").asText()).isEqualTo("111111111111");
        assertThat(details.path("region").asText()).isEqualTo("us-east-1");
        assertThat(details.path("table").asText()).isEqualTo("orders");
        assertThat(details.path("table_arn").asText()).isEqualTo("arn:aws:dynamodb:us-east-1:111111111111:table/orders");
        assertThat(details.path("rule").asText()).isEqualTo("prod-rpo");
        assertThat(details.path("check").asText()).isEqualTo("rpo");
        assertThat(details.path("observed").asText()).startsWith("effective 26h");
        assertThat(details.path("expected").asText()).startsWith("newest restorable point");
        assertThat(details.path("message").asText()).startsWith("RPO breached");
        assertThat(details.path("age").asText()).isEqualTo("26h");
        assertThat(details.path("rpo").asText()).isEqualTo("24h");
        assertThat(body.path("client").asText()).isEqualTo("Backup Sentinel (backup-sentinel)");
        assertThat(body.has("links")).as("no link without a status page").isFalse();
        assertThat(body.has("client_url")).isFalse();
    }

    @Test
    void with_a_status_page_the_trigger_links_to_the_tables_page() throws Exception {
        PagerDutySettings withPage = new PagerDutySettings(true, PagerDutySettings.DEFAULT_EVENTS_URL, KEY,
                "backup-sentinel", Severity.CRITICAL, Set.of("rpo"), URI.create("https://sentinel.example.com/"),
                PagerDutySettings.DEFAULT_BLIND_AFTER, true);

        JsonNode body = body(new AlertPolicy(withPage).decide(List.of(Transition.opened(breach())), T0).get(0));

        assertThat(body.at("/links/0/href").asText())
                .isEqualTo("https://sentinel.example.com/tables/111111111111/us-east-1/orders");
        assertThat(body.at("/links/0/text").asText()).contains("orders");
        assertThat(body.path("client_url").asText()).isEqualTo("https://sentinel.example.com/");
    }

    @Test
    void a_long_message_is_cut_to_pagerdutys_1024_character_summary_limit() throws Exception {
        Finding f = breach();
        Finding verbose = new Finding(f.account(), f.region(), f.table(), f.tableArn(), f.rule(), f.check(),
                f.severity(), f.status(), f.observed(), f.expected(), "RPO breached: " + "x".repeat(5000), f.evaluatedAt());

        String summary = body(decide(Transition.opened(verbose)).get(0)).at("/payload/summary").asText();

        assertThat(summary).hasSize(1024).startsWith("[backup-sentinel] orders in 111111111111/us-east-1 breaks rule"
                + " prod-rpo").endsWith("…");
    }
}
