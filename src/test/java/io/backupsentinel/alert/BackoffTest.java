package io.backupsentinel.alert;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofHours(1));
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void delays_double_with_each_failure_within_their_jitter_band() {
        assertThat(BACKOFF.delay(1, () -> 0.0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(BACKOFF.delay(1, () -> 0.999)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(BACKOFF.delay(4, () -> 0.0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(BACKOFF.delay(4, () -> 0.999)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(16));
    }

    @Test
    void delays_stop_growing_at_the_cap_however_many_failures() {
        assertThat(BACKOFF.delay(12, () -> 0.999)).isLessThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(BACKOFF.delay(1000, () -> 0.0)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void a_retry_after_in_seconds_sets_the_next_attempt() {
        Optional<Duration> wish = Backoff.parseRetryAfter(Optional.of("30"), NOW);

        assertThat(BACKOFF.next(NOW, 1, wish, () -> 0.5)).isEqualTo(NOW.plusSeconds(30));
    }

    @Test
    void a_retry_after_as_an_http_date_sets_the_next_attempt() {
        Optional<Duration> wish = Backoff.parseRetryAfter(Optional.of("Mon, 01 Jun 2026 12:02:00 GMT"), NOW);

        assertThat(wish).contains(Duration.ofMinutes(2));
    }

    @Test
    void an_absurd_retry_after_is_bounded() {
        assertThat(BACKOFF.next(NOW, 1, Optional.of(Duration.ofDays(3)), () -> 0.5)).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void an_unreadable_retry_after_falls_back_to_backoff() {
        assertThat(Backoff.parseRetryAfter(Optional.of("soon"), NOW)).isEmpty();
        assertThat(Backoff.parseRetryAfter(Optional.empty(), NOW)).isEmpty();
    }
}
