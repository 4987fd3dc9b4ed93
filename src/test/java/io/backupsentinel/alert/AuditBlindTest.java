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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.backupsentinel.alert.Findings.KEY;
import static io.backupsentinel.alert.Findings.T0;
import static io.backupsentinel.alert.Findings.finding;
import static org.assertj.core.api.Assertions.assertThat;

class AuditBlindTest {
    private static final String ACCOUNT = "111111111111";
    private static final String REGION = "us-east-1";
    private static final PagerDutySettings SETTINGS = PagerDutySettings.defaults().enabledWith(KEY);

    private final AlertPolicy policy = new AlertPolicy(SETTINGS);

    private static Finding pitr(String table, Status status, Instant at) {
        return finding("prod-pitr", "pitr", Severity.HIGH, ACCOUNT, REGION, table, status, at);
    }

    /** The region seen with two compliant tables at T0, then both UNKNOWN at {@code T0 + 1m}. */
    private Instant goBlind() {
        policy.decide(List.of(Transition.opened(pitr("orders", Status.COMPLIANT, T0)),
                Transition.opened(pitr("users", Status.COMPLIANT, T0))), T0);
        Instant t = T0.plusSeconds(60);
        List<OutboxEvent> events = policy.decide(List.of(
                Transition.changed(pitr("orders", Status.COMPLIANT, T0), pitr("orders", Status.UNKNOWN, t)),
                Transition.changed(pitr("users", Status.COMPLIANT, T0), pitr("users", Status.UNKNOWN, t))), t);
        assertThat(events).as("the moment it goes blind").isEmpty();
        return t;
    }

    @Test
    void an_account_region_unknown_for_less_than_blind_after_does_not_page() {
        Instant since = goBlind();

        assertThat(policy.decide(List.of(), since.plus(Duration.ofMinutes(59)))).isEmpty();
    }

    @Test
    void an_account_region_unknown_for_blind_after_pages_once_with_its_own_key() throws Exception {
        Instant since = goBlind();

        List<OutboxEvent> due = policy.decide(List.of(), since.plus(Duration.ofHours(1)));
        List<OutboxEvent> later = policy.decide(List.of(), since.plus(Duration.ofHours(2)));

        assertThat(due).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("trigger");
            assertThat(e.dedupKey()).isEqualTo("backup-sentinel/audit-blind/111111111111/us-east-1");
            JsonNode body = new ObjectMapper().readTree(e.payload());
            assertThat(body.at("/payload/summary").asText()).contains("cannot see 111111111111/us-east-1", "1h",
                    "ThrottlingException");
            assertThat(body.at("/payload/severity").asText()).isEqualTo("error");
            assertThat(body.at("/payload/custom_details/unknown_findings").asInt()).isEqualTo(2);
        });
        assertThat(later).isEmpty();
    }

    @Test
    void the_next_deadline_is_when_the_blind_event_falls_due() {
        Instant since = goBlind();

        assertThat(policy.nextDeadline()).contains(since.plus(Duration.ofHours(1)));
    }

    @Test
    void one_table_still_seen_keeps_the_account_region_from_being_blind() {
        policy.decide(List.of(Transition.opened(pitr("orders", Status.UNKNOWN, T0)),
                Transition.opened(pitr("users", Status.COMPLIANT, T0))), T0);

        assertThat(policy.decide(List.of(), T0.plus(Duration.ofHours(5)))).isEmpty();
        assertThat(policy.nextDeadline()).isEmpty();
    }

    @Test
    void a_single_missed_collection_never_pages() {
        Instant since = goBlind();
        Instant back = since.plus(Duration.ofMinutes(15));
        policy.decide(List.of(
                Transition.changed(pitr("orders", Status.UNKNOWN, since), pitr("orders", Status.COMPLIANT, back)),
                Transition.changed(pitr("users", Status.UNKNOWN, since), pitr("users", Status.COMPLIANT, back))), back);

        assertThat(policy.decide(List.of(), since.plus(Duration.ofHours(3)))).isEmpty();
    }

    @Test
    void a_failed_collection_of_the_whole_account_region_counts_as_blind() {
        Finding star = finding("prod-pitr", "pitr", Severity.HIGH, ACCOUNT, REGION, "*", Status.UNKNOWN, T0);

        policy.decide(List.of(Transition.opened(star)), T0);

        assertThat(policy.decide(List.of(), T0.plus(Duration.ofHours(1))))
                .extracting(OutboxEvent::dedupKey).containsExactly("backup-sentinel/audit-blind/111111111111/us-east-1");
    }

    @Test
    void seeing_the_account_region_again_resolves_the_blind_event() {
        Instant since = goBlind();
        policy.decide(List.of(), since.plus(Duration.ofHours(1)));
        Instant back = since.plus(Duration.ofHours(2));

        List<OutboxEvent> events = policy.decide(List.of(
                Transition.changed(pitr("orders", Status.UNKNOWN, since), pitr("orders", Status.COMPLIANT, back))), back);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("resolve");
            assertThat(e.dedupKey()).isEqualTo("backup-sentinel/audit-blind/111111111111/us-east-1");
        });
    }

    @Test
    void blind_events_can_be_switched_off() {
        AlertPolicy quiet = new AlertPolicy(new PagerDutySettings(true, PagerDutySettings.DEFAULT_EVENTS_URL, KEY,
                "backup-sentinel", Severity.CRITICAL, Set.of("rpo"), null, Duration.ofHours(1), false));
        quiet.decide(List.of(Transition.opened(pitr("orders", Status.UNKNOWN, T0))), T0);

        assertThat(quiet.decide(List.of(), T0.plus(Duration.ofHours(2)))).isEmpty();
        assertThat(quiet.nextDeadline()).isEmpty();
    }

    @Test
    void account_regions_go_blind_independently() {
        Finding east = pitr("orders", Status.UNKNOWN, T0);
        Finding west = finding("prod-pitr", "pitr", Severity.HIGH, ACCOUNT, "us-west-2", "orders", Status.COMPLIANT, T0);
        policy.decide(List.of(Transition.opened(east), Transition.opened(west)), T0);

        assertThat(policy.decide(List.of(), T0.plus(Duration.ofHours(1))))
                .extracting(OutboxEvent::dedupKey).containsExactly("backup-sentinel/audit-blind/111111111111/us-east-1");
    }

    @Test
    void after_a_restart_a_region_that_was_blind_pages_from_when_it_went_blind() {
        Finding orders = pitr("orders", Status.UNKNOWN, T0);
        AlertPolicy restarted = new AlertPolicy(SETTINGS);
        restarted.restore(Map.of(FindingKey.of(orders), orders));

        assertThat(restarted.nextDeadline()).contains(T0.plus(Duration.ofHours(1)));
        assertThat(restarted.decide(List.of(), T0.plus(Duration.ofHours(1)))).hasSize(1);
    }
}
