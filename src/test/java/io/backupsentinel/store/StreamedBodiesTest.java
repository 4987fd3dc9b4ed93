package io.backupsentinel.store;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Transition;
import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

import static io.backupsentinel.store.Records.day;
import static io.backupsentinel.store.Records.finding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming readers a report uses agree with the tree readers the verifier uses. */
class StreamedBodiesTest {
    @Test
    void the_current_finding_read_by_streaming_is_the_one_the_tree_reader_gives() {
        Finding ok = finding("rpo-critical", "orders", Status.COMPLIANT, day(0));
        Finding odd = new Finding("111111111111", "eu-west-1", "<script>\"x\"\\", null, "rpo", "rpo", null, Status.EXEMPT,
                "line\nbreak \u00e9\u4e2d", null, "exempt until 2027-01-01 (approved by a@example.com): test\ttab", day(1));
        for (Transition t : List.of(Transition.opened(ok), Transition.changed(ok, odd), Transition.closed(odd, day(2)))) {
            String body = Bodies.transition(t).body();
            assertThat(Bodies.currentOf(body)).isEqualTo(Bodies.transitionOf(Canonical.parse(body)).current())
                    .isEqualTo(t.current());
        }
    }

    @Test
    void a_field_this_version_does_not_know_is_skipped_and_a_body_that_is_not_a_transition_is_refused() {
        String body = "{\"at\":\"2026-03-01T00:00:00.000000000Z\",\"current\":{\"account\":\"1\",\"check\":\"rpo\","
                + "\"evaluatedAt\":\"2026-03-01T00:00:00.000000000Z\",\"future\":\"x\",\"severity\":\"HIGH\",\"status\":\"COMPLIANT\"},"
                + "\"key\":{\"rule\":\"r\"},\"previous\":null}";
        Finding f = Bodies.currentOf(body);
        assertThat(f.severity()).isEqualTo(Severity.HIGH);
        assertThat(f.status()).isEqualTo(Status.COMPLIANT);
        assertThat(f.evaluatedAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThatThrownBy(() -> Bodies.currentOf("{\"at\":\"x\"}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no current");
        assertThatThrownBy(() -> Bodies.currentOf("[1]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bodies.currentOf("{\"current\":{\"status\":1}}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bodies.currentOf("{\"current\":")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canonical_instants_are_read_directly_and_anything_else_by_instant_parse() {
        for (String s : List.of("2026-03-01T00:00:00.123456789Z", "1970-01-01T00:00:00.000000000Z",
                "2024-02-29T23:59:59.999999999Z", "0001-01-01T00:00:00.000000001Z", "9999-12-31T23:59:59.999999999Z")) {
            assertThat(Times.parse(s)).isEqualTo(Instant.parse(s));
        }
        assertThat(Times.parse("2026-03-01T00:00:00Z")).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(Times.parse("2026-03-01T00:00:00.5Z")).isEqualTo(Instant.parse("2026-03-01T00:00:00.5Z"));
        // Instant.parse reads 24:00 as the next day's midnight; the direct path leaves it to Instant.parse.
        assertThat(Times.parse("2026-03-01T24:00:00.000000000Z")).isEqualTo(Instant.parse("2026-03-01T24:00:00.000000000Z"));
        for (String bad : List.of("2026-02-30T00:00:00.000000000Z", "2026-13-01T00:00:00.000000000Z",
                "2026-03-01T25:00:00.000000000Z", "2026-03-01T00:00:00.00000000xZ", "not an instant")) {
            assertThatThrownBy(() -> Times.parse(bad)).as(bad).isInstanceOf(DateTimeException.class);
        }
    }
}
