package io.backupsentinel.web.chart;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Transition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IntervalsTest {
    static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    static final TimeRange DAY = new TimeRange(T0, T0.plus(Duration.ofDays(1)));

    static Finding finding(String rule, Status status, Instant at) {
        return new Finding("111111111111", "eu-west-1", "orders", "arn:aws:dynamodb:eu-west-1:111111111111:table/orders",
                rule, "pitr_enabled", Severity.HIGH, status, "o", "e", "m", at);
    }

    /** Transitions of one rule through the given statuses at the given instants (null status = closed). */
    static List<Transition> history(String rule, Object... statusAt) {
        List<Transition> out = new ArrayList<>();
        Finding prev = null;
        for (int i = 0; i < statusAt.length; i += 2) {
            Status s = (Status) statusAt[i];
            Instant at = (Instant) statusAt[i + 1];
            if (s == null) {
                out.add(Transition.closed(prev, at));
                prev = null;
                continue;
            }
            Finding f = finding(rule, s, at);
            out.add(prev == null ? Transition.opened(f) : Transition.changed(prev, f));
            prev = f;
        }
        return out;
    }

    static Instant at(String hms) {
        return Instant.parse("2026-12-01T" + hms + "Z");
    }

    @Test
    void statuses_hold_from_one_transition_to_the_next_to_the_second() {
        List<Interval> i = Intervals.of(history("pitr", Status.COMPLIANT, at("00:00:00"), Status.NON_COMPLIANT,
                at("06:00:01"), Status.UNKNOWN, at("06:30:00"), Status.COMPLIANT, at("07:00:00")), DAY);
        assertThat(i).containsExactly(
                new Interval(at("00:00:00"), at("06:00:01"), Status.COMPLIANT),
                new Interval(at("06:00:01"), at("06:30:00"), Status.NON_COMPLIANT),
                new Interval(at("06:30:00"), at("07:00:00"), Status.UNKNOWN),
                new Interval(at("07:00:00"), DAY.to(), Status.COMPLIANT));
        assertThat(i.get(1).duration()).isEqualTo(Duration.ofSeconds(29 * 60 + 59));
    }

    @Test
    void a_transition_before_the_period_sets_the_opening_status_and_later_ones_are_ignored() {
        List<Interval> i = Intervals.of(history("pitr", Status.NON_COMPLIANT, T0.minusSeconds(3600),
                Status.COMPLIANT, at("01:00:00"), Status.NON_COMPLIANT, DAY.to().plusSeconds(5)), DAY);
        assertThat(i).containsExactly(new Interval(T0, at("01:00:00"), Status.NON_COMPLIANT),
                new Interval(at("01:00:00"), DAY.to(), Status.COMPLIANT));
    }

    @Test
    void time_before_the_first_verdict_and_after_closing_is_a_gap_never_a_status() {
        List<Interval> i = Intervals.of(history("pitr", Status.COMPLIANT, at("02:00:00"), null, at("05:00:00")), DAY);
        assertThat(i).containsExactly(new Interval(at("02:00:00"), at("05:00:00"), Status.COMPLIANT));
        StatusShares shares = StatusShares.of(List.of(new Band("pitr", i)), DAY);
        assertThat(shares.of(Status.COMPLIANT)).isEqualTo(Duration.ofHours(3));
        assertThat(shares.untracked()).isEqualTo(Duration.ofHours(21));
        assertThat(shares.percent(Status.COMPLIANT)).isEqualTo(12.5);
    }

    @Test
    void rules_become_bands_in_name_order() {
        List<Transition> all = new ArrayList<>(history("rpo", Status.NON_COMPLIANT, at("00:00:00")));
        all.addAll(history("pitr", Status.COMPLIANT, at("00:00:00")));
        Map<String, List<Interval>> byRule = Intervals.byRule(all, DAY);
        assertThat(byRule.keySet()).containsExactly("pitr", "rpo");
        assertThat(Intervals.bands(all, DAY)).extracting(Band::label).containsExactly("pitr", "rpo");
    }

    @Test
    void shares_over_several_bands_add_up_to_the_whole_and_unknown_is_kept_apart() {
        List<Band> bands = List.of(
                new Band("a", List.of(new Interval(T0, at("18:00:00"), Status.COMPLIANT),
                        new Interval(at("18:00:00"), DAY.to(), Status.UNKNOWN))),
                new Band("b", List.of(new Interval(T0, DAY.to(), Status.EXEMPT))));
        StatusShares s = StatusShares.of(bands, DAY);
        assertThat(s.total()).isEqualTo(Duration.ofDays(2));
        assertThat(s.percent(Status.COMPLIANT)).isEqualTo(37.5);
        assertThat(s.percent(Status.UNKNOWN)).isEqualTo(12.5);
        assertThat(s.percent(Status.EXEMPT)).isEqualTo(50.0);
        assertThat(s.untracked()).isZero();
    }

    @Test
    void no_transitions_give_no_bands_and_a_period_must_not_be_empty() {
        assertThat(Intervals.bands(List.of(), DAY)).isEmpty();
        assertThat(StatusShares.of(List.of(), DAY).percent(Status.COMPLIANT)).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TimeRange(T0, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends after it starts");
    }
}
