package io.backupsentinel.web.chart;

import io.backupsentinel.engine.TableDetail;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.OnDemandBackup;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Transition;
import io.backupsentinel.store.Stored;
import io.backupsentinel.web.status.TableCharts.Chart;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryChartsTest {
    static final Instant NOW = Instant.parse("2026-12-02T18:00:00Z");
    static final TableRef ORDERS = TableRef.of("111111111111", "eu-west-1", "<orders>");
    static final TimeRange RANGE = new TimeRange(NOW.minus(HistoryCharts.WINDOW), NOW);

    static TableFacts facts(PitrState pitr, List<OnDemandBackup> backups) {
        return new TableFacts(ORDERS, Map.of(), "ACTIVE", null, Fact.of(pitr), Fact.of(backups), Fact.failed("x"),
                Fact.failed("x"), Fact.failed("x"), Fact.failed("x"), Fact.failed("x"), Fact.failed("x"),
                Fact.failed("x"), NOW);
    }

    static OnDemandBackup backup(Instant at) {
        return new OnDemandBackup("arn:b/" + at, "b", at, "AVAILABLE", "USER", 1L, null);
    }

    static TableDetail detail(TableFacts f, Duration rpo) {
        return new TableDetail(ORDERS, Map.of(), f, List.of(), List.of(), rpo, List.of(), null, List.of(), null, null);
    }

    @Test
    void a_table_with_an_rpo_gets_an_age_chart_and_a_compliance_chart_both_escaped_and_well_formed() {
        TableFacts f = facts(PitrState.disabled(), List.of(backup(NOW.minus(Duration.ofDays(3))),
                backup(NOW.minus(Duration.ofHours(20)))));
        List<Stored<Transition>> timeline = List.of(new Stored<>(1, "h", Transition.opened(
                IntervalsTest.finding("rpo", Status.NON_COMPLIANT, NOW.minus(Duration.ofDays(2))))));

        List<Chart> charts = new HistoryCharts().charts(detail(f, Duration.ofDays(1)), timeline, NOW);

        assertThat(charts).hasSize(2);
        charts.forEach(c -> SvgDocs.check(c.svg()));
        assertThat(charts.get(0).svg()).contains("&lt;orders&gt;").doesNotContain("<orders>");
        assertThat(charts.get(0).svg()).contains("breached 1 time for 1d 4h");
        assertThat(charts.get(1).svg()).contains("NON_COMPLIANT 14.3%");
    }

    @Test
    void without_an_rpo_target_only_the_compliance_chart_is_drawn() {
        List<Chart> charts = new HistoryCharts().charts(detail(facts(PitrState.disabled(), List.of()), null),
                List.of(), NOW);
        assertThat(charts).singleElement().satisfies(c -> assertThat(c.svg()).contains("No findings in this period"));
    }

    @Test
    void pitr_keeps_the_age_at_its_lag_from_the_earliest_restorable_time() {
        PitrState pitr = new PitrState(true, 35, NOW.minus(Duration.ofDays(5)), NOW.minus(Duration.ofMinutes(5)));
        List<AgePoint> s = HistoryCharts.series(facts(pitr, List.of(backup(NOW.minus(Duration.ofDays(10))))), RANGE);
        assertThat(s).containsExactly(
                new AgePoint(NOW.minus(Duration.ofDays(10)), 0),
                new AgePoint(NOW.minus(Duration.ofDays(5)), 5 * 86_400),
                new AgePoint(NOW.minus(Duration.ofDays(5)), 300),
                new AgePoint(NOW, 300));
        assertThat(AgeSeries.breaches(s, Duration.ofDays(1)))
                .containsExactly(new TimeRange(NOW.minus(Duration.ofDays(9)), NOW.minus(Duration.ofDays(5))));
    }

    @Test
    void pitr_on_for_the_whole_window_is_a_flat_line_at_its_lag() {
        PitrState pitr = new PitrState(true, 35, NOW.minus(Duration.ofDays(35)), NOW.minus(Duration.ofMinutes(5)));
        assertThat(HistoryCharts.series(facts(pitr, List.of()), RANGE))
                .containsExactly(new AgePoint(RANGE.from(), 300), new AgePoint(NOW, 300));
    }
}
