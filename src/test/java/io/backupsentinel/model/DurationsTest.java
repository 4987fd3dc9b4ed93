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

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999d", "3000000000000000w", "12345678901234567890s", "36526d", "5218w",
            "36525d1s", "876601h", "9999999999999999999999999999999ms", "36525d36525d"})
    void durations_over_100_years_or_too_long_to_be_numbers_are_refused_with_the_bound(String text) {
        assertThatThrownBy(() -> Durations.parse(text))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is too long: a duration is at most 100 years (36525d)");
    }

    @Test
    void exactly_100_years_is_accepted_in_any_unit() {
        assertThat(Durations.parse("36525d")).isEqualTo(Durations.MAX);
        assertThat(Durations.parse("876600h")).isEqualTo(Durations.MAX);
        assertThat(Durations.parse("0000000000000000000036525d")).isEqualTo(Durations.MAX);
    }

    @Test
    void a_huge_value_is_echoed_cut_to_a_readable_length() {
        String huge = "9".repeat(100_000) + "d";
        assertThatThrownBy(() -> Durations.parse(huge)).hasMessageContaining("(100001 characters)")
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200));
    }
}
