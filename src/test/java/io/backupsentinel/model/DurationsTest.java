package io.backupsentinel.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {
    @Test
    void units_and_compound_durations_parse() {
        assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(Durations.parse("35d")).isEqualTo(Duration.ofDays(35));
        assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "h", "1x", "1h 30m", "-1h", "1.5h"})
    void malformed_durations_are_refused_with_an_example(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("e.g. 1h");
    }

    @Test
    void formatting_uses_the_largest_whole_units() {
        assertThat(Durations.format(Duration.ofDays(35))).isEqualTo("35d");
        assertThat(Durations.format(Duration.ofHours(26))).isEqualTo("1d2h");
        assertThat(Durations.format(Duration.ofSeconds(270))).isEqualTo("4m30s");
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    }
}
