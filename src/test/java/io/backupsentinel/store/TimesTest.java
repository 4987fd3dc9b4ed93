package io.backupsentinel.store;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimesTest {
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
