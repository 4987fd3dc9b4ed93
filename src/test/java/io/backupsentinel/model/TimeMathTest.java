package io.backupsentinel.model;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TimeMathTest {
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    @Test
    void instants_saturate_at_the_ends_of_time_instead_of_throwing() {
        assertThat(TimeMath.minus(NOW, TimeMath.LONGEST)).isEqualTo(Instant.MIN);
        assertThat(TimeMath.plus(NOW, TimeMath.LONGEST)).isEqualTo(Instant.MAX);
        assertThat(TimeMath.plus(NOW, Duration.ofHours(1))).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void durations_saturate_when_added_multiplied_or_turned_into_milliseconds() {
        assertThat(TimeMath.plus(TimeMath.LONGEST, Duration.ofDays(1))).isEqualTo(TimeMath.LONGEST);
        assertThat(TimeMath.times(Duration.ofDays(Long.MAX_VALUE / 86_400), 3)).isEqualTo(TimeMath.LONGEST);
        assertThat(TimeMath.times(Duration.ofMinutes(15), 3)).isEqualTo(Duration.ofMinutes(45));
        assertThat(TimeMath.millis(TimeMath.LONGEST)).isEqualTo(Long.MAX_VALUE);
        assertThat(TimeMath.days(Long.MAX_VALUE)).isEqualTo(TimeMath.LONGEST);
        assertThat(TimeMath.days(-Long.MAX_VALUE)).isEqualTo(TimeMath.LONGEST.negated());
    }
}
