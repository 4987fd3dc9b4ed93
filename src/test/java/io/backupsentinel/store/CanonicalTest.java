package io.backupsentinel.store;

import io.backupsentinel.model.Status;
import io.backupsentinel.model.Transition;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical form is the evidence format: these exact bytes and hashes must never change by accident. */
class CanonicalTest {
    @Test
    void a_transition_body_has_sorted_keys_no_spaces_nulls_written_and_nine_fraction_digits() {
        Transition t = Transition.opened(Records.finding("rpo", "orders", Status.COMPLIANT, Instant.parse("2026-03-01T00:00:00Z")));
        assertThat(Bodies.transition(t).body()).isEqualTo("{\"at\":\"2026-03-01T00:00:00.000000000Z\",\"current\":{"
                + "\"account\":\"111111111111\",\"check\":\"rpo\",\"evaluatedAt\":\"2026-03-01T00:00:00.000000000Z\","
                + "\"expected\":\"age <= 2h\",\"message\":\"ok\",\"observed\":\"age 3h\",\"region\":\"eu-west-1\","
                + "\"rule\":\"rpo\",\"severity\":\"CRITICAL\",\"status\":\"COMPLIANT\",\"table\":\"orders\","
                + "\"tableArn\":\"arn:aws:dynamodb:eu-west-1:111111111111:table/orders\"},\"key\":{\"account\":\"111111111111\","
                + "\"region\":\"eu-west-1\",\"rule\":\"rpo\",\"table\":\"orders\"},\"previous\":null}");
    }

    @Test
    void the_hash_is_sha256_of_seq_kind_previous_hash_and_body_on_separate_lines() {
        // printf '1\ntransition\n%064d\n{}' 0 | sha256sum
        assertThat(Canonical.hash(1, "transition", Canonical.GENESIS, "{}"))
                .isEqualTo(Canonical.sha256("1\ntransition\n" + "0".repeat(64) + "\n{}"))
                .isEqualTo("52efe4a2379665cefb1360e5cad39aa781d56f91e0615929f1798f23d475a6e0");
    }

    @Test
    void non_ascii_text_is_written_as_itself_and_control_characters_escaped() {
        assertThat(Canonical.json(java.util.Map.of("b", "tablé\n", "a", 1))).isEqualTo("{\"a\":1,\"b\":\"tablé\\n\"}");
    }

    @Test
    void a_body_read_back_is_the_same_record() {
        Transition t = Transition.changed(Records.finding("rpo", "orders", Status.COMPLIANT, Records.T0),
                Records.finding("rpo", "orders", Status.NON_COMPLIANT, Records.T0.plusNanos(1)));
        assertThat(Bodies.transitionOf(Canonical.parse(Bodies.transition(t).body()))).isEqualTo(t);
    }
}
