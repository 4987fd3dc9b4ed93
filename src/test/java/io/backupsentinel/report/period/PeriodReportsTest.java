package io.backupsentinel.report.period;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Transition;
import io.backupsentinel.store.Filter;
import io.backupsentinel.store.HistoryQueries;
import io.backupsentinel.store.HistoryStore;
import io.backupsentinel.store.Stored;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;

import static io.backupsentinel.report.period.ScenarioHistory.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodReportsTest {
    private static final long DAY = 86_400;
    @TempDir
    Path dir;
    private HistoryStore store;
    private HistoryQueries q;

    @BeforeEach
    void write() {
        store = ScenarioHistory.write(dir);
        q = store.queries();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private PeriodReport report(ReportScope scope) {
        return PeriodReports.build(q, new ReportRequest(FROM, TO, scope, RULES, "1.0-test"), NOW);
    }

    private static long seconds(String from, String to) {
        return Duration.between(Instant.parse(from), Instant.parse(to)).getSeconds();
    }

    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.DOWN);
    }

    private RuleTableTime time(PeriodReport r, String rule, String table) {
        return r.times().stream().filter(t -> t.rule().equals(rule) && t.table().equals(table)).findFirst().orElseThrow();
    }

    private Stored<Transition> transitionAt(String at) {
        Instant i = Instant.parse(at);
        return q.transitions(i, i.plusNanos(1), Filter.ALL).get(0);
    }

    @Test
    void time_in_each_status_adds_up_to_the_day_with_unknown_time_kept_apart_from_compliant() {
        RuleTableTime orders = time(report(ReportScope.all()), RPO, ORDERS);
        long compliant = seconds("2026-10-01T01:30:15Z", "2026-10-01T06:00:00Z") + seconds("2026-10-01T08:00:00Z", "2026-10-01T20:00:00Z");
        long nonCompliant = seconds("2026-10-01T00:00:00Z", "2026-10-01T01:30:15Z") + seconds("2026-10-01T20:00:00Z", "2026-10-02T00:00:00Z");
        long unknown = seconds("2026-10-01T06:00:00Z", "2026-10-01T08:00:00Z");
        assertThat(compliant + nonCompliant + unknown).isEqualTo(DAY);
        assertThat(orders.compliantSeconds()).isEqualTo(compliant).isEqualTo(59_385);
        assertThat(orders.nonCompliantSeconds()).isEqualTo(nonCompliant).isEqualTo(19_815);
        assertThat(orders.unknownSeconds()).isEqualTo(unknown).isEqualTo(7_200);
        assertThat(orders.exemptSeconds()).isZero();
        assertThat(orders.unobservedSeconds()).isZero();
        assertThat(orders.compliantPercent()).isEqualTo(percent(compliant, DAY)).isEqualByComparingTo("68.73");
        assertThat(orders.violations()).isEqualTo(2);
        assertThat(orders.statusAtEnd()).isEqualTo(Status.NON_COMPLIANT);
    }

    @Test
    void time_before_a_pair_was_first_judged_or_after_it_closed_is_not_observed() {
        PeriodReport r = report(ReportScope.all());
        RuleTableTime evil = time(r, RPO, EVIL);
        assertThat(evil.unobservedSeconds()).isEqualTo(seconds("2026-10-01T00:00:00Z", "2026-10-01T12:00:00Z"));
        assertThat(evil.compliantSeconds()).isEqualTo(43_200);
        assertThat(evil.compliantPercent()).isEqualByComparingTo("50.00");
        RuleTableTime ledger = time(r, PITR, LEDGER);
        assertThat(ledger.exemptSeconds()).isEqualTo(300);
        assertThat(ledger.nonCompliantSeconds()).isEqualTo(seconds("2026-10-01T00:05:00Z", "2026-10-01T10:00:00Z"));
        assertThat(ledger.unobservedSeconds()).isEqualTo(seconds("2026-10-01T10:00:00Z", "2026-10-02T00:00:00Z"));
        assertThat(ledger.compliantPercent()).isEqualByComparingTo("0.00");
        assertThat(ledger.statusAtEnd()).isNull();
    }

    @Test
    void a_violation_carried_in_from_before_the_period_has_its_full_duration_and_its_part_in_the_period() {
        List<Violation> v = report(ReportScope.all()).violations().stream()
                .filter(x -> x.rule().equals(RPO) && x.table().equals(ORDERS)).toList();
        assertThat(v).hasSize(2);
        Violation carried = v.get(0);
        assertThat(carried.start()).isEqualTo("2026-09-30T22:00:00Z");
        assertThat(carried.end()).isEqualTo("2026-10-01T01:30:15Z");
        assertThat(carried.startedBeforePeriod()).isTrue();
        assertThat(carried.ongoing()).isFalse();
        assertThat(carried.durationSeconds()).isEqualTo(seconds("2026-09-30T22:00:00Z", "2026-10-01T01:30:15Z")).isEqualTo(12_615);
        assertThat(carried.secondsInPeriod()).isEqualTo(5_415);
        assertThat(carried.observed()).isEqualTo("age 1h 0m");
        Stored<Transition> opened = transitionAt("2026-09-30T22:00:00Z");
        Stored<Transition> closed = transitionAt("2026-10-01T01:30:15Z");
        assertThat(carried.opened()).isEqualTo(new Citation(opened.seq(), opened.hash()));
        assertThat(carried.closed()).isEqualTo(new Citation(closed.seq(), closed.hash()));
    }

    @Test
    void a_violation_still_open_at_the_period_end_is_ongoing_and_runs_to_the_end() {
        Violation last = report(ReportScope.all()).violations().stream()
                .filter(x -> x.rule().equals(RPO) && x.table().equals(ORDERS)).toList().get(1);
        assertThat(last.ongoing()).isTrue();
        assertThat(last.end()).isNull();
        assertThat(last.closed()).isNull();
        assertThat(last.durationSeconds()).isEqualTo(seconds("2026-10-01T20:00:00Z", "2026-10-02T00:00:00Z")).isEqualTo(14_400);
        assertThat(last.secondsInPeriod()).isEqualTo(14_400);
    }

    @Test
    void an_exemption_that_expired_during_the_period_is_listed_with_its_reason_and_approver() {
        List<ExemptionPeriod> e = report(ReportScope.all()).exemptions();
        assertThat(e).hasSize(1);
        ExemptionPeriod x = e.get(0);
        assertThat(x.approver()).isEqualTo("alice@example.com");
        assertThat(x.reason()).isEqualTo("migration to the new cluster");
        assertThat(x.expires()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(x.state()).isEqualTo(ExemptionPeriod.State.EXPIRED);
        assertThat(x.start()).isEqualTo("2026-09-25T00:00:00Z");
        assertThat(x.end()).isEqualTo("2026-10-01T00:05:00Z");
        assertThat(x.secondsInPeriod()).isEqualTo(300);
        assertThat(x.statusWithout()).isEqualTo("NON_COMPLIANT");
    }

    @Test
    void restore_tests_are_evidenced_from_the_state_at_the_start_and_each_change() {
        List<RestoreEvidence> r = report(ReportScope.all()).restoreTests();
        assertThat(r).extracting(RestoreEvidence::atPeriodStart, RestoreEvidence::status, RestoreEvidence::observed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, Status.COMPLIANT, "validated restore 2h ago, took 25m"),
                        org.assertj.core.groups.Tuple.tuple(false, Status.NON_COMPLIANT, "last validated restore 8d ago"));
    }

    @Test
    void the_change_log_lists_posture_changes_in_the_period_with_their_record() {
        List<PostureEntry> c = report(ReportScope.all()).changes();
        assertThat(c).extracting(PostureEntry::table, PostureEntry::aspect, PostureEntry::before, PostureEntry::after)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LEDGER, "PITR_ENABLED", "enabled", "disabled"));
        Stored<io.backupsentinel.model.PostureChange> s = q.postureChanges(FROM, TO, Filter.ALL).get(0);
        assertThat(c.get(0).record()).isEqualTo(new Citation(s.seq(), s.hash()));
    }

    @Test
    void framework_controls_sum_their_rules_over_every_table_for_the_whole_period() {
        PeriodReport r = report(ReportScope.all());
        FrameworkSummary soc2 = r.frameworks().stream().filter(f -> f.framework().equals("SOC2 CC9.1")).findFirst().orElseThrow();
        assertThat(soc2.rules()).containsExactly(PITR, RPO);
        assertThat(soc2.tables()).isEqualTo(3);
        assertThat(soc2.compliantPercent()).isEqualTo(percent(59_385 + 43_200, 3 * DAY)).isEqualByComparingTo("39.57");
        assertThat(soc2.violations()).isEqualTo(3);
        assertThat(soc2.nonCompliantSeconds()).isEqualTo(19_815 + 35_700);
        assertThat(soc2.unknownSeconds()).isEqualTo(7_200);
        assertThat(r.rules()).extracting(RuleSummary::rule, RuleSummary::tables, RuleSummary::compliantPercent)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PITR, 1, new BigDecimal("0.00")),
                        org.assertj.core.groups.Tuple.tuple(RESTORE, 1, new BigDecimal("50.00")),
                        org.assertj.core.groups.Tuple.tuple(RPO, 2, percent(59_385 + 43_200, 2 * DAY)));
    }

    @Test
    void the_cover_cites_the_newest_record_read_not_the_wall_clock() {
        ReportCover cover = report(ReportScope.all()).cover();
        Stored<Transition> last = transitionAt("2026-10-01T20:00:00Z");
        assertThat(cover.head()).isEqualTo(new Citation(last.seq(), last.hash()));
        assertThat(cover.asOf()).isEqualTo("2026-10-01T20:00:00Z");
        assertThat(cover.periodSeconds()).isEqualTo(DAY);
        assertThat(cover.tables()).isEqualTo(3);
    }

    @Test
    void a_tag_scope_keeps_only_tables_whose_recorded_tags_match() {
        TreeMap<String, String> prod = new TreeMap<>();
        prod.put("env", "prod");
        PeriodReport r = report(new ReportScope(List.of(), List.of(), List.of(), List.of(), prod));
        assertThat(r.times()).extracting(RuleTableTime::table).containsOnly(ORDERS);
        assertThat(r.changes()).isEmpty();
    }

    @Test
    void a_framework_scope_keeps_only_the_rules_citing_it() {
        PeriodReport r = report(new ReportScope(List.of(), List.of(), List.of(), List.of("ISO27001 A.8.13"), null));
        assertThat(r.times()).extracting(RuleTableTime::rule).containsOnly(PITR);
        assertThat(r.frameworks()).extracting(FrameworkSummary::framework).containsExactly("ISO27001 A.8.13");
    }

    /**
     * A window of 133 s inside the day (rpo: orders and the evil table compliant throughout) and a table whose
     * statuses change off the second: compliant from before the window, non-compliant at +112.7 s, closed at
     * +131.3 s. Truncating each total made its row 112 + 18 + 1 = 131 s.
     */
    private static final Instant WINDOW = Instant.parse("2026-10-01T13:00:00Z");
    private static final String FRACTIONS = "fractions";

    private PeriodReport windowWithChangesOffTheSecond() {
        Finding compliant = finding(RPO, "rpo", FRACTIONS, Status.COMPLIANT, "age 1m", Instant.parse("2026-10-01T12:59:59.500Z"));
        Finding late = finding(RPO, "rpo", FRACTIONS, Status.NON_COMPLIANT, "age 1h 0m", WINDOW.plusMillis(112_700));
        store.history().append(List.of(Transition.opened(compliant)), List.of(), List.of());
        store.history().append(List.of(Transition.changed(compliant, late)), List.of(), List.of());
        store.history().append(List.of(Transition.closed(late, WINDOW.plusMillis(131_300))), List.of(), List.of());
        return PeriodReports.build(q, new ReportRequest(WINDOW, WINDOW.plusSeconds(133), rules(RPO), RULES, "1.0-test"), NOW);
    }

    @Test
    void each_row_of_times_adds_up_to_the_period_when_statuses_change_off_the_second() {
        PeriodReport r = windowWithChangesOffTheSecond();
        assertThat(r.cover().periodSeconds()).isEqualTo(133);
        for (RuleTableTime t : r.times()) {
            assertThat(t.compliantSeconds() + t.nonCompliantSeconds() + t.unknownSeconds() + t.exemptSeconds()
                    + t.unobservedSeconds()).as(t.table()).isEqualTo(133);
        }
        // Each change counts from the whole second it falls in: +112.7 s is second 112, +131.3 s second 131.
        RuleTableTime f = time(r, RPO, FRACTIONS);
        assertThat(f.compliantSeconds()).isEqualTo(112);
        assertThat(f.nonCompliantSeconds()).isEqualTo(131 - 112);
        assertThat(f.unobservedSeconds()).isEqualTo(133 - 131);
        assertThat(f.compliantPercent()).isEqualTo(percent(112, 133)).isEqualByComparingTo("84.21");
    }

    @Test
    void a_violation_off_the_second_counts_the_same_seconds_as_its_row() {
        PeriodReport r = windowWithChangesOffTheSecond();
        Violation v = r.violations().stream().filter(x -> x.table().equals(FRACTIONS)).findFirst().orElseThrow();
        assertThat(v.durationSeconds()).isEqualTo(19);
        assertThat(v.secondsInPeriod()).isEqualTo(19).isEqualTo(time(r, RPO, FRACTIONS).nonCompliantSeconds());
    }

    @Test
    void a_rule_summary_is_the_sum_of_its_rows_when_statuses_change_off_the_second() {
        PeriodReport r = windowWithChangesOffTheSecond();
        RuleSummary rpo = r.rules().stream().filter(x -> x.rule().equals(RPO)).findFirst().orElseThrow();
        assertThat(rpo.tables()).isEqualTo(3);
        assertThat(rpo.nonCompliantSeconds()).isEqualTo(19);
        assertThat(rpo.unknownSeconds()).isZero();
        assertThat(rpo.compliantPercent()).isEqualTo(percent(133 + 133 + 112, 3 * 133)).isEqualByComparingTo("94.73");
        FrameworkSummary soc2 = r.frameworks().stream().filter(x -> x.framework().equals("SOC2 CC9.1")).findFirst().orElseThrow();
        assertThat(soc2.compliantPercent()).isEqualTo(rpo.compliantPercent());
        assertThat(soc2.nonCompliantSeconds()).isEqualTo(rpo.nonCompliantSeconds());
    }

    /** Storage records for the three judged tables and for one no rule judges, and a posture change of that one. */
    private void storageAndAnUnjudgedTable() {
        List<io.backupsentinel.model.PostureChange> c = new java.util.ArrayList<>();
        for (String table : List.of(ORDERS, LEDGER, EVIL, UNJUDGED)) {
            c.add(new io.backupsentinel.model.PostureChange(ref(table), io.backupsentinel.model.PostureChange.Aspect.BACKUP_STORAGE,
                    null, "pitr=100 on_demand=2", Instant.parse("2026-10-01T03:00:00Z")));
        }
        c.add(new io.backupsentinel.model.PostureChange(ref(UNJUDGED), io.backupsentinel.model.PostureChange.Aspect.PITR_ENABLED,
                "enabled", "disabled", Instant.parse("2026-10-01T04:00:00Z")));
        store.history().append(List.of(), c, List.of());
    }

    private static final String UNJUDGED = "archive";

    private static ReportScope rules(String... rules) {
        return new ReportScope(List.of(), List.of(), List.of(rules), List.of(), null);
    }

    @Test
    void storage_and_the_change_log_leave_out_a_table_no_rule_judged_in_the_period() {
        storageAndAnUnjudgedTable();
        PeriodReport r = report(ReportScope.all());
        assertThat(r.cover().tables()).isEqualTo(3);
        assertThat(r.storage()).extracting(StorageEntry::table).containsExactlyInAnyOrder(ORDERS, LEDGER, EVIL);
        assertThat(r.changes()).extracting(PostureEntry::table).containsExactly(LEDGER);
    }

    @Test
    void a_rule_scope_narrows_storage_and_the_change_log_to_the_tables_the_cover_counts() {
        storageAndAnUnjudgedTable();
        PeriodReport restore = report(rules(RESTORE));
        assertThat(restore.cover().tables()).isEqualTo(1);
        assertThat(restore.storage()).extracting(StorageEntry::table).containsExactly(ORDERS);
        assertThat(restore.changes()).isEmpty();
        PeriodReport rpo = report(rules(RPO));
        assertThat(rpo.cover().tables()).isEqualTo(2);
        assertThat(rpo.storage()).extracting(StorageEntry::table).containsExactlyInAnyOrder(ORDERS, EVIL);
        assertThat(rpo.changes()).as("the PITR change is of the ledger, which rpo does not judge").isEmpty();
    }

    @Test
    void a_framework_scope_narrows_storage_and_the_change_log_to_the_tables_the_cover_counts() {
        storageAndAnUnjudgedTable();
        PeriodReport r = report(new ReportScope(List.of(), List.of(), List.of(), List.of("ISO27001 A.8.13"), null));
        assertThat(r.cover().tables()).isEqualTo(1);
        assertThat(r.storage()).extracting(StorageEntry::table).containsExactly(LEDGER);
        assertThat(r.changes()).extracting(PostureEntry::table, PostureEntry::aspect)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LEDGER, "PITR_ENABLED"));
    }

    @Test
    void a_scope_that_selects_no_rule_lists_no_storage_and_no_changes_and_says_why() {
        storageAndAnUnjudgedTable();
        PeriodReport r = report(rules("nope"));
        assertThat(r.cover().tables()).isZero();
        assertThat(r.cover().rules()).isZero();
        assertThat(r.storage()).isEmpty();
        assertThat(r.changes()).isEmpty();
        assertThat(r.cover().notes()).anySatisfy(n -> assertThat(n).startsWith("Storage: the history holds no backup"
                + " storage records"));
    }

    @Test
    void a_period_that_is_empty_reversed_in_the_future_or_before_the_history_is_refused() {
        ReportScope all = ReportScope.all();
        assertThatThrownBy(() -> PeriodReports.build(q, new ReportRequest(TO, FROM, all, RULES, "v"), NOW))
                .isInstanceOf(ReportException.class).hasMessageContaining("is not before");
        assertThatThrownBy(() -> PeriodReports.build(q, new ReportRequest(FROM, FROM, all, RULES, "v"), NOW))
                .isInstanceOf(ReportException.class).hasMessageContaining("is not before");
        assertThatThrownBy(() -> PeriodReports.build(q, new ReportRequest(FROM, NOW.plusSeconds(1), all, RULES, "v"), NOW))
                .isInstanceOf(ReportException.class).hasMessageContaining("the period ends after now");
        assertThatThrownBy(() -> PeriodReports.build(q, new ReportRequest(FIRST.minusSeconds(1), TO, all, RULES, "v"), NOW))
                .isInstanceOf(ReportException.class).hasMessageContaining("first available instant is " + FIRST);
    }
}
