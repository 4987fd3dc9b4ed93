package io.backupsentinel.web.chart;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgeSeriesTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final TimeRange DAY = new TimeRange(T0, T0.plus(Duration.ofDays(1)));

    static Instant at(String hhmm) {
        return Instant.parse("2026-12-01T" + hhmm + ":00Z");
    }

    @Test
    void the_age_grows_between_points_and_drops_to_zero_at_each_new_one() {
        List<AgePoint> s = AgeSeries.sawtooth(List.of(at("06:00"), Instant.parse("2026-11-30T22:00:00Z"), at("18:00"),
                Instant.parse("2026-11-29T00:00:00Z")), DAY);
        assertThat(s).containsExactly(
                new AgePoint(T0, 2 * 3600),
                new AgePoint(at("06:00"), 8 * 3600), new AgePoint(at("06:00"), 0),
                new AgePoint(at("18:00"), 12 * 3600), new AgePoint(at("18:00"), 0),
                new AgePoint(DAY.to(), 6 * 3600));
    }

    @Test
    void before_the_first_known_point_the_line_does_not_exist() {
        assertThat(AgeSeries.sawtooth(List.of(at("12:00")), DAY))
                .containsExactly(new AgePoint(at("12:00"), 0), new AgePoint(DAY.to(), 12 * 3600));
    }

    @Test
    void no_points_give_an_empty_series_and_points_after_the_period_are_ignored() {
        assertThat(AgeSeries.sawtooth(List.of(), DAY)).isEmpty();
        assertThat(AgeSeries.sawtooth(List.of(DAY.to().plusSeconds(1)), DAY)).isEmpty();
    }

    @Test
    void a_single_point_before_the_period_makes_a_straight_rising_line() {
        assertThat(AgeSeries.sawtooth(List.of(T0.minusSeconds(60)), DAY))
                .containsExactly(new AgePoint(T0, 60), new AgePoint(DAY.to(), 86_460));
    }

    @Test
    void a_breach_starts_the_second_the_age_passes_the_target_and_ends_at_the_next_point() {
        List<AgePoint> s = AgeSeries.sawtooth(List.of(T0, at("10:00"), at("13:00")), DAY);
        List<TimeRange> breaches = AgeSeries.breaches(s, Duration.ofHours(4));
        assertThat(breaches).containsExactly(new TimeRange(at("04:00"), at("10:00")), new TimeRange(at("17:00"), DAY.to()));
        assertThat(breaches.get(0).length()).isEqualTo(Duration.ofHours(6));
        assertThat(breaches.get(1).length()).isEqualTo(Duration.ofHours(7));
    }

    @Test
    void an_age_exactly_at_the_target_is_not_a_breach() {
        List<AgePoint> s = AgeSeries.sawtooth(List.of(T0, at("04:00")), new TimeRange(T0, at("04:00")));
        assertThat(AgeSeries.breaches(s, Duration.ofHours(4))).isEmpty();
    }

    @Test
    void a_series_already_in_breach_at_the_start_breaches_from_the_start() {
        List<AgePoint> s = AgeSeries.sawtooth(List.of(T0.minus(Duration.ofDays(2)), at("12:00")), DAY);
        assertThat(AgeSeries.breaches(s, Duration.ofDays(1)))
                .containsExactly(new TimeRange(T0, at("12:00")));
    }
}
