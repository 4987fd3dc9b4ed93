package io.backupsentinel.store;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.History;
import io.backupsentinel.model.Outbox;
import io.backupsentinel.model.OutboxEvent;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Transition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.backupsentinel.store.Records.day;
import static io.backupsentinel.store.Records.event;
import static io.backupsentinel.store.Records.finding;
import static io.backupsentinel.store.Records.pitrSwitchedOff;
import static io.backupsentinel.store.Records.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What every history database must do, run against SQLite ({@code SqliteHistoryTest}) and a real
 * PostgreSQL ({@code PostgresHistoryIT}).
 */
abstract class HistoryContract {
    protected HistoryStore store;

    /** Settings of a fresh, empty history for one test. */
    protected abstract StoreSettings freshSettings() throws Exception;

    /** A plain connection to the same database, to tamper with it as an attacker or a bug would. */
    protected abstract Connection rawConnection() throws SQLException;

    private StoreSettings settings;

    @BeforeEach
    void openFresh() throws Exception {
        settings = freshSettings();
        store = HistoryStore.open(settings);
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    protected StoreSettings settings() {
        return settings;
    }

    protected void reopen() {
        store.close();
        store = HistoryStore.open(settings);
    }

    protected void tamper(String sql) throws SQLException {
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private History history() {
        return store.history();
    }

    /** Five records: an opened and a changed transition, a posture change, an event, a run. */
    private void appendSomeOfEverything() {
        Finding ok = finding("rpo-critical", "orders", Status.COMPLIANT, day(0));
        Finding breach = finding("rpo-critical", "orders", Status.NON_COMPLIANT, day(1));
        history().append(List.of(Transition.opened(ok)), List.of(), List.of());
        history().append(List.of(Transition.changed(ok, breach)), List.of(pitrSwitchedOff("orders", day(1))),
                List.of(event("k1", "trigger", day(1))));
        history().appendRun(run(day(1)));
    }

    @Test
    void current_returns_every_open_finding_as_the_transitions_left_it_after_a_reopen() {
        Finding a = finding("rpo-critical", "orders", Status.COMPLIANT, day(0));
        Finding a2 = finding("rpo-critical", "orders", Status.NON_COMPLIANT, day(1));
        Finding b = finding("rpo-critical", "users", Status.UNKNOWN, day(0));
        Finding c = finding("pitr", "orders", Status.COMPLIANT, day(0));
        history().append(List.of(Transition.opened(a), Transition.opened(b), Transition.opened(c)), List.of(), List.of());
        history().append(List.of(Transition.changed(a, a2), Transition.closed(b, day(2))), List.of(), List.of());

        reopen();

        assertThat(store.history().current()).containsOnly(
                Map.entry(FindingKey.of(a2), a2), Map.entry(FindingKey.of(c), c));
        assertThat(store.history().current().get(FindingKey.of(a2)).evaluatedAt()).isEqualTo(day(1));
    }

    @Test
    void a_failing_event_insert_leaves_no_transition_and_no_change() throws SQLException {
        Finding ok = finding("rpo-critical", "orders", Status.COMPLIANT, day(0));
        history().append(List.of(Transition.opened(ok)), List.of(), List.of());
        ChainHead before = store.queries().head();
        // The event of the next append will take seq head+3; a row already holding that id makes its insert fail.
        long eventId = before.seq() + 3;
        tamper("INSERT INTO outbox (id, channel, dedup_key, action, payload, created_ns, state, attempts, next_attempt_ns)"
                + " VALUES (" + eventId + ", 'pagerduty', 'x', 'trigger', '{}', 0, 'DELIVERED', 1, 0)");
        Finding breach = finding("rpo-critical", "orders", Status.NON_COMPLIANT, day(1));

        assertThatThrownBy(() -> history().append(List.of(Transition.changed(ok, breach)),
                List.of(pitrSwitchedOff("orders", day(1))), List.of(event("k1", "trigger", day(1)))))
                .isInstanceOf(StoreException.class).hasMessageContaining("cannot append to the history");

        assertThat(store.queries().head()).isEqualTo(before);
        assertThat(history().current()).containsOnly(Map.entry(FindingKey.of(ok), ok));
        assertThat(store.queries().transitions(day(-1), day(9), Filter.ALL)).hasSize(1);
        assertThat(store.queries().postureChanges(day(-1), day(9), Filter.ALL)).isEmpty();
        assertThat(store.outbox().depth("pagerduty")).isZero();
        assertThat(store.verifier().verify().ok()).isTrue();
    }

    @Test
    void outbox_gives_due_events_oldest_first_and_keeps_their_delivery_state() {
        history().append(List.of(), List.of(), List.of(event("a", "trigger", day(0)), event("b", "trigger", day(0))));
        history().append(List.of(), List.of(), List.of(event("c", "trigger", day(0)), event("d", "resolve", day(0))));
        Outbox outbox = store.outbox();
        List<OutboxEvent> due = outbox.due("pagerduty", day(0), 10);
        assertThat(due).extracting(OutboxEvent::dedupKey).containsExactly("a", "b", "c", "d");
        assertThat(outbox.due("pagerduty", day(0), 2)).extracting(OutboxEvent::dedupKey).containsExactly("a", "b");
        assertThat(outbox.due("other", day(0), 10)).isEmpty();

        outbox.delivered(due.get(0).id(), day(0));
        outbox.retryLater(due.get(1).id(), day(0).plusSeconds(30), "HTTP 503");
        outbox.deadLetter(due.get(2).id(), "HTTP 400: invalid routing key");

        assertThat(outbox.due("pagerduty", day(0), 10)).extracting(OutboxEvent::dedupKey).containsExactly("d");
        List<OutboxEvent> later = outbox.due("pagerduty", day(0).plusSeconds(30), 10);
        assertThat(later).extracting(OutboxEvent::dedupKey).containsExactly("b", "d");
        assertThat(later.get(0).attempts()).isEqualTo(1);
        assertThat(later.get(0).lastError()).isEqualTo("HTTP 503");
        assertThat(later.get(0).nextAttemptAt()).isEqualTo(day(0).plusSeconds(30));
        assertThat(outbox.depth("pagerduty")).isEqualTo(2);
        assertThat(store.deadLetters("pagerduty")).singleElement()
                .satisfies(e -> assertThat(e.lastError()).isEqualTo("HTTP 400: invalid routing key"));
        // Delivery state is not evidence: changing it leaves the chain intact.
        assertThat(store.verifier().verify().ok()).isTrue();
    }

    @Test
    void verify_walks_every_kind_of_record_and_prints_the_head() {
        appendSomeOfEverything();
        ChainReport report = store.verifier().verify();
        ChainHead head = store.queries().head();
        assertThat(report.ok()).isTrue();
        assertThat(report.records()).isEqualTo(5);
        assertThat(report.head()).isEqualTo(head);
        assertThat(head.seq()).isEqualTo(5);
        assertThat(report.summary()).isEqualTo("history OK: 5 records, head 5 " + head.hash());
    }

    @Test
    void a_changed_byte_in_a_stored_record_is_named() throws SQLException {
        appendSomeOfEverything();
        tamper("UPDATE records SET body = replace(body, 'NON_COMPLIANT', 'COMPLIANT') WHERE seq = 2");
        ChainReport report = store.verifier().verify();
        assertThat(report.broken()).isEqualTo(new ChainReport.Break(2, "transition", ChainReport.Problem.ALTERED,
                "its content does not match its hash " + store.queries().transitions(day(1), day(2), Filter.ALL).get(0).hash()));
        assertThat(report.records()).isEqualTo(1);
    }

    @Test
    void a_query_column_that_disagrees_with_its_hashed_body_is_named() throws SQLException {
        appendSomeOfEverything();
        tamper("UPDATE records SET tbl = 'users' WHERE seq = 3");
        assertThat(store.verifier().verify().broken())
                .extracting(ChainReport.Break::seq, ChainReport.Break::kind, ChainReport.Break::problem, ChainReport.Break::detail)
                .containsExactly(3L, "posture", ChainReport.Problem.ALTERED, "its column tbl disagrees with its hashed body");
    }

    @Test
    void a_deleted_record_is_named_in_the_middle_and_at_the_end() throws SQLException {
        appendSomeOfEverything();
        tamper("DELETE FROM records WHERE seq = 5");
        assertThat(store.verifier().verify().summary()).isEqualTo("history BROKEN at record 5 (?): missing: record 5 is missing");
        tamper("DELETE FROM records WHERE seq = 3");
        assertThat(store.verifier().verify().summary()).isEqualTo("history BROKEN at record 3 (?): missing: record 3 is missing");
    }

    @Test
    void a_record_relinked_with_a_recomputed_hash_breaks_the_link() throws SQLException {
        appendSomeOfEverything();
        String forgedPrev = "f".repeat(64);
        try (Connection c = rawConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT kind, body FROM records WHERE seq = 4")) {
            rs.next();
            String hash = Canonical.hash(4, rs.getString(1), forgedPrev, rs.getString(2));
            rs.close();
            s.executeUpdate("UPDATE records SET prev_hash = '" + forgedPrev + "', hash = '" + hash + "' WHERE seq = 4");
        }
        ChainReport.Break broken = store.verifier().verify().broken();
        assertThat(broken.seq()).isEqualTo(4);
        assertThat(broken.kind()).isEqualTo("outbox");
        assertThat(broken.problem()).isEqualTo(ChainReport.Problem.LINK_BROKEN);
    }

    @Test
    void queries_return_a_period_by_rule_and_table_with_seq_and_hash() {
        appendSomeOfEverything();
        history().append(List.of(Transition.opened(finding("pitr", "users", Status.COMPLIANT, day(3)))), List.of(), List.of());

        assertThat(store.queries().transitions(day(0), day(9), Filter.ALL)).extracting(Stored::seq).containsExactly(1L, 2L, 6L);
        assertThat(store.queries().transitions(day(0), day(9), Filter.rule("pitr"))).extracting(Stored::seq).containsExactly(6L);
        assertThat(store.queries().transitions(day(1), day(3), Filter.ALL)).extracting(Stored::seq).containsExactly(2L);
        assertThat(store.queries().transitions(day(0), day(9), Filter.table(Records.ACCOUNT, Records.REGION, "orders")))
                .extracting(s -> s.record().to()).containsExactly(Status.COMPLIANT, Status.NON_COMPLIANT);
        assertThat(store.queries().postureChanges(day(0), day(9), Filter.ALL)).singleElement()
                .satisfies(s -> assertThat(s.record()).isEqualTo(pitrSwitchedOff("orders", day(1))));
        assertThat(store.queries().runs(day(0), day(9))).singleElement()
                .satisfies(s -> assertThat(s.record()).isEqualTo(run(day(1))));
        assertThat(store.queries().openAt(day(1))).containsOnlyKeys(
                new FindingKey("rpo-critical", Records.ACCOUNT, Records.REGION, "orders"));
        assertThat(store.queries().openAt(day(2)).values()).extracting(Finding::status).containsExactly(Status.NON_COMPLIANT);
    }

    @Test
    void a_tables_newest_transitions_and_posture_changes_come_newest_first_up_to_the_limit() {
        appendSomeOfEverything();
        history().append(List.of(Transition.opened(finding("pitr", "users", Status.COMPLIANT, day(3)))), List.of(), List.of());
        history().append(List.of(Transition.opened(finding("pitr", "orders", Status.UNKNOWN, day(4)))), List.of(), List.of());

        assertThat(store.queries().latestTransitions(Records.ACCOUNT, Records.REGION, "orders", 10))
                .extracting(s -> s.record().to()).containsExactly(Status.UNKNOWN, Status.NON_COMPLIANT, Status.COMPLIANT);
        assertThat(store.queries().latestTransitions(Records.ACCOUNT, Records.REGION, "orders", 2)).hasSize(2);
        assertThat(store.queries().latestTransitions(Records.ACCOUNT, "us-east-1", "orders", 10)).isEmpty();
        assertThat(store.queries().latestPostureChanges(Records.ACCOUNT, Records.REGION, "orders", 10)).singleElement()
                .satisfies(s -> assertThat(s.record()).isEqualTo(pitrSwitchedOff("orders", day(1))));
        assertThat(store.queries().latestPostureChanges(Records.ACCOUNT, Records.REGION, "users", 10)).isEmpty();
    }

    @Test
    void pruning_leaves_a_checkpoint_from_which_the_chain_still_verifies_and_state_is_rebuilt() throws SQLException {
        // Day 0: two findings open; day 1: one changes; day 5: the other closes; day 10: a new one.
        Finding a = finding("rpo-critical", "orders", Status.COMPLIANT, day(0));
        Finding a2 = finding("rpo-critical", "orders", Status.NON_COMPLIANT, day(1));
        Finding b = finding("rpo-critical", "users", Status.COMPLIANT, day(0));
        Finding c = finding("pitr", "carts", Status.COMPLIANT, day(10));
        history().append(List.of(Transition.opened(a), Transition.opened(b)), List.of(), List.of(event("a", "trigger", day(0))));
        history().append(List.of(Transition.changed(a, a2)), List.of(), List.of());
        history().append(List.of(Transition.closed(b, day(5))), List.of(), List.of());
        history().append(List.of(Transition.opened(c)), List.of(), List.of());
        store.outbox().delivered(3, day(0));
        Map<FindingKey, Finding> atDay6 = store.queries().openAt(day(6));
        Map<FindingKey, Finding> current = history().current();

        Stored<Checkpoint> cp = store.pruneBefore(day(3), day(20)).orElseThrow();

        assertThat(cp.record().prunedSeq()).isEqualTo(4);
        assertThat(cp.record().openCount()).isEqualTo(2);
        assertThat(cp.seq()).isEqualTo(7);
        ChainReport report = store.verifier().verify();
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.records()).isEqualTo(3);
        assertThat(history().current()).isEqualTo(current);
        assertThat(store.queries().openAt(day(6))).isEqualTo(atDay6);
        assertThat(store.queries().openAt(day(3)).values()).extracting(Finding::status)
                .containsExactlyInAnyOrder(Status.NON_COMPLIANT, Status.COMPLIANT);
        assertThatThrownBy(() -> store.queries().openAt(day(2))).isInstanceOf(StoreException.class)
                .hasMessageContaining("was pruned");

        // A second pruning supersedes the first checkpoint and still verifies; current() keeps the old finding.
        history().appendRun(run(day(30)));
        assertThat(store.pruneBefore(day(25), day(40))).isPresent();
        assertThat(store.verifier().verify().ok()).isTrue();
        assertThat(history().current()).isEqualTo(current);
        assertThat(store.queries().openAt(day(30))).isEqualTo(current);
        assertThat(store.pruneBefore(day(25), day(41))).isEmpty();

        tamper("UPDATE checkpoint_open SET finding = replace(finding, 'NON_COMPLIANT', 'COMPLIANT')");
        assertThat(store.verifier().verify().broken().problem()).isEqualTo(ChainReport.Problem.ALTERED);
    }

    @Test
    void records_deleted_from_the_start_without_a_checkpoint_are_named() throws SQLException {
        appendSomeOfEverything();
        tamper("DELETE FROM records WHERE seq <= 2");
        assertThat(store.verifier().verify().summary())
                .isEqualTo("history BROKEN at record 2 (?): missing: records 1 to 2 are missing and no checkpoint accounts for them");
    }

    @Test
    void prune_with_the_configured_retention_keeps_recent_records() {
        appendSomeOfEverything();
        Instant now = day(2);
        assertThat(store.prune(now)).isEmpty();
        assertThat(store.queries().head().seq()).isEqualTo(5);
        assertThat(settings().retention()).isEqualTo(Duration.ofDays(400));
    }

    @Test
    void a_read_only_store_verifies_beside_the_writer() {
        appendSomeOfEverything();
        try (HistoryStore reader = HistoryStore.openReadOnly(settings())) {
            assertThat(reader.verifier().verify().summary()).startsWith("history OK: 5 records, head 5 ");
        }
    }

    /**
     * A history long enough to be read in many slices: three tables under two rules, every finding changing
     * status every few hours over ten days (some closed and reopened), with posture changes and runs between them
     * so that transitions do not have consecutive sequence numbers.
     */
    private void appendManyChanges() {
        Status[] cycle = {Status.COMPLIANT, Status.NON_COMPLIANT, Status.UNKNOWN, Status.EXEMPT, Status.COMPLIANT};
        Map<FindingKey, Finding> open = new java.util.HashMap<>();
        int step = 0;
        for (int hour = 0; hour < 240; hour += 6, step++) {
            Instant at = day(0).plus(Duration.ofHours(hour));
            List<Transition> batch = new java.util.ArrayList<>();
            for (String rule : List.of("rpo-critical", "restore")) {
                for (String table : List.of("orders", "users", "carts")) {
                    FindingKey key = new FindingKey(rule, Records.ACCOUNT, Records.REGION, table);
                    Finding before = open.get(key);
                    if (before != null && (step + table.length()) % 7 == 0) {
                        batch.add(Transition.closed(before, at));
                        open.remove(key);
                        continue;
                    }
                    Status status = cycle[(step + table.length() + rule.length()) % cycle.length];
                    Finding f = finding(rule, table, status, at);
                    if (rule.equals("restore")) {
                        f = new Finding(f.account(), f.region(), f.table(), f.tableArn(), rule, "restore_test",
                                io.backupsentinel.model.Severity.HIGH, status, "restored in 41m \"ok\"\n", "<= 1h", "m", at);
                    }
                    if (before == null) {
                        batch.add(Transition.opened(f));
                    } else if (before.status() != status) {
                        batch.add(Transition.changed(before, f));
                    }
                    if (before == null || before.status() != status) {
                        open.put(key, f);
                    }
                }
            }
            history().append(batch, step % 3 == 0 ? List.of(pitrSwitchedOff("orders", at)) : List.of(), List.of());
            if (step % 4 == 0) {
                history().appendRun(run(at));
            }
        }
    }

    private static final FindingChange.Detail DETAIL = new FindingChange.Detail(
            java.util.EnumSet.of(Status.NON_COMPLIANT), java.util.Set.of("restore_test"));

    /** A part of a period, as read: the findings open at its start, then its changes. */
    private static final class Collected extends ArrayList<Stored<FindingChange>> implements HistoryQueries.PeriodPart {
        Map<FindingKey, Stored<FindingChange>> open;

        @Override
        public void start(Map<FindingKey, Stored<FindingChange>> atStart) {
            assertThat(open).as("started once, before any change").isNull();
            assertThat(this).isEmpty();
            open = atStart;
        }

        @Override
        public void accept(Stored<FindingChange> s) {
            add(s);
        }
    }

    /** The changes of the period in chain order, read in two parts by table. */
    private List<Stored<FindingChange>> changes(Instant from, Instant to, Filter filter) {
        return changes(from, to, filter, 2);
    }

    private List<Stored<FindingChange>> changes(Instant from, Instant to, Filter filter, int parts) {
        List<Stored<FindingChange>> out = new ArrayList<>();
        store.queries().replayByTable(from, to, filter, DETAIL, parts, Collected::new).forEach(out::addAll);
        out.sort(java.util.Comparator.comparingLong(Stored::seq));
        return out;
    }

    @Test
    void a_period_replays_in_parts_by_table_each_with_its_open_findings_and_its_changes_in_chain_order() {
        appendManyChanges();
        List<Stored<Transition>> all = store.queries().transitions(day(2), day(11), Filter.ALL);
        Map<FindingKey, Stored<FindingChange>> openAtStart = store.queries().openChangesAt(day(2), DETAIL);
        // Three tables (carts, orders, users) open now: three parts cut them one each.
        List<Collected> parts = store.queries().replayByTable(day(2), day(11), Filter.ALL, DETAIL, 3, Collected::new);
        assertThat(parts).hasSize(3);
        Map<FindingKey, Stored<FindingChange>> opened = new java.util.HashMap<>();
        List<String> seen = new ArrayList<>();
        for (Collected part : parts) {
            assertThat(part).isNotEmpty().isSortedAccordingTo(java.util.Comparator.comparingLong(Stored::seq));
            List<String> tables = part.stream().map(c -> c.record().key().table()).distinct().toList();
            assertThat(tables).as("one table per part").hasSize(1);
            String table = tables.get(0);
            seen.add(table);
            assertThat(part).extracting(Stored::seq).containsExactlyElementsOf(all.stream()
                    .filter(t -> t.record().key().table().equals(table)).map(Stored::seq).toList());
            assertThat(part.open.keySet()).allSatisfy(k -> assertThat(k.table()).isEqualTo(table));
            opened.putAll(part.open);
        }
        assertThat(seen).containsExactlyInAnyOrder("carts", "orders", "users");
        assertThat(opened).isEqualTo(openAtStart);
        for (int parts2 : new int[] {1, 2, 5}) {
            assertSameChanges(changes(day(2), day(11), Filter.ALL, parts2), all);
        }
        assertThat(store.queries().replayByTable(day(20), day(30), Filter.ALL, DETAIL, 2, Collected::new))
                .allSatisfy(part -> assertThat(part).isEmpty());
    }

    @Test
    void the_parts_of_a_period_after_a_pruning_start_from_the_checkpoints_open_findings() {
        appendManyChanges();
        Map<FindingKey, Stored<FindingChange>> before = store.queries().openChangesAt(day(6), DETAIL);
        store.pruneBefore(day(5), day(30)).orElseThrow();
        Map<FindingKey, Stored<FindingChange>> opened = new java.util.HashMap<>();
        store.queries().replayByTable(day(6), day(11), Filter.ALL, DETAIL, 2, Collected::new)
                .forEach(part -> opened.putAll(part.open));
        assertThat(opened.keySet()).isEqualTo(before.keySet());
        opened.forEach((k, s) -> assertThat(s.record().words()).isEqualTo(before.get(k).record().words()));
    }

    private static void assertSameChanges(List<Stored<FindingChange>> changes, List<Stored<Transition>> transitions) {
        assertThat(changes).hasSameSizeAs(transitions);
        for (int i = 0; i < changes.size(); i++) {
            Stored<FindingChange> c = changes.get(i);
            Stored<Transition> t = transitions.get(i);
            Finding now = t.record().current();
            assertThat(c.seq()).isEqualTo(t.seq());
            assertThat(c.hash()).isEqualTo(t.hash());
            assertThat(c.record().key()).isEqualTo(t.record().key());
            assertThat(c.record().at()).isEqualTo(t.record().at());
            assertThat(c.record().status()).isEqualTo(now == null ? null : now.status());
            assertThat(c.record().check()).isEqualTo(now == null ? null : now.check());
            assertThat(c.record().severity()).isEqualTo(now == null ? null : now.severity());
            boolean wanted = now != null && (now.status() == Status.NON_COMPLIANT || now.check().equals("restore_test"));
            assertThat(c.record().words()).as("words of record %d", c.seq())
                    .isEqualTo(wanted ? FindingChange.Words.of(now) : null);
        }
    }

    @Test
    void changes_read_from_the_index_are_the_transitions_in_chain_order_with_findings_only_where_asked() {
        appendManyChanges();
        List<Stored<Transition>> all = store.queries().transitions(day(0), day(11), Filter.ALL);
        assertThat(all.size()).isGreaterThan(100);

        assertSameChanges(changes(day(0), day(11), Filter.ALL), all);
        assertSameChanges(changes(day(2), day(7), Filter.ALL), store.queries().transitions(day(2), day(7), Filter.ALL));
        assertSameChanges(changes(day(0), day(11), Filter.rule("restore")),
                store.queries().transitions(day(0), day(11), Filter.rule("restore")));
        assertSameChanges(changes(day(0), day(11), Filter.table(Records.ACCOUNT, Records.REGION, "users")),
                store.queries().transitions(day(0), day(11), Filter.table(Records.ACCOUNT, Records.REGION, "users")));
        assertThat(changes(day(20), day(30), Filter.ALL)).isEmpty();
    }

    @Test
    void open_changes_at_an_instant_are_the_open_records_with_findings_only_where_asked() {
        appendManyChanges();
        for (int d : new int[] {0, 1, 4, 9, 11}) {
            Map<FindingKey, Stored<Finding>> records = store.queries().openRecordsAt(day(d));
            Map<FindingKey, Stored<FindingChange>> changes = store.queries().openChangesAt(day(d), DETAIL);
            assertThat(changes.keySet()).as("day %d", d).isEqualTo(records.keySet());
            records.forEach((k, r) -> {
                FindingChange c = changes.get(k).record();
                assertThat(changes.get(k).seq()).isEqualTo(r.seq());
                assertThat(c.status()).isEqualTo(r.record().status());
                assertThat(c.check()).isEqualTo(r.record().check());
                boolean wanted = r.record().status() == Status.NON_COMPLIANT || r.record().check().equals("restore_test");
                assertThat(c.words()).isEqualTo(wanted ? FindingChange.Words.of(r.record()) : null);
            });
        }
        // After pruning, the checkpoint re-states the open findings, each with its whole finding.
        Map<FindingKey, Stored<Finding>> atDay6 = store.queries().openRecordsAt(day(6));
        store.pruneBefore(day(5), day(30)).orElseThrow();
        Map<FindingKey, Stored<FindingChange>> after = store.queries().openChangesAt(day(6), DETAIL);
        assertThat(after.keySet()).isEqualTo(atDay6.keySet());
        atDay6.forEach((k, r) -> assertThat(after.get(k).record().status()).isEqualTo(r.record().status()));
        assertThatThrownBy(() -> store.queries().openChangesAt(day(4), DETAIL)).isInstanceOf(StoreException.class)
                .hasMessageContaining("was pruned");
    }

    @Test
    void a_status_column_that_disagrees_with_its_hashed_body_is_named() throws SQLException {
        assertEditedColumnNamed("UPDATE records SET status = 'COMPLIANT' WHERE seq = 2", 2, "status");
    }

    @Test
    void a_history_written_before_schema_version_3_is_refused_for_reading_and_migrated_when_opened_for_writing()
            throws SQLException {
        appendManyChanges();
        List<Stored<FindingChange>> before = changes(day(0), day(11), Filter.ALL);
        String head = store.verifier().verify().summary();
        // What version 2 left: no status columns, no covering index, no aspect, no words, no record of migrations 3 to 5.
        rollBackVersion5();
        rollBackVersion4();
        tamper("DROP INDEX records_changes");
        tamper("ALTER TABLE records DROP COLUMN status");
        tamper("ALTER TABLE records DROP COLUMN chk");
        tamper("ALTER TABLE records DROP COLUMN severity");
        tamper("DELETE FROM history_schema_version WHERE version = '3'");
        migrateFromOlderSchema(head);
        List<Stored<FindingChange>> after = changes(day(0), day(11), Filter.ALL);
        assertThat(after).isEqualTo(before);
    }

    /**
     * Reopens a history whose schema a test rolled back: read-only commands refuse it and say what to do, opening it
     * for writing migrates it, and its chain then verifies to the same head as before.
     */
    private void migrateFromOlderSchema(String head) {
        store.close();
        store = null;
        assertThatThrownBy(() -> HistoryStore.openReadOnly(settings())).isInstanceOf(StoreException.class)
                .hasMessageContaining("has a schema older than version " + Database.SCHEMA_VERSION)
                .hasMessageContaining("start the daemon");
        store = HistoryStore.open(settings());
        assertThat(store.verifier().verify().summary()).isEqualTo(head);
    }

    /** What version 4 left: no words columns, and the change index without them. */
    private void rollBackVersion5() throws SQLException {
        tamper("DROP INDEX records_changes");
        for (String column : Row.WORDS_COLUMNS) {
            tamper("ALTER TABLE records DROP COLUMN " + column);
        }
        tamper("CREATE INDEX records_changes ON records (kind, seq, at_ns, rule, account, region, tbl, status, chk,"
                + " severity, hash)");
        tamper("DELETE FROM history_schema_version WHERE version = '5'");
    }

    /** After {@code update} edits a column derived from a body, {@code verify --history} names record and column. */
    private void assertEditedColumnNamed(String update, long seq, String column) throws SQLException {
        appendSomeOfEverything();
        tamper(update);
        assertThat(store.verifier().verify().broken())
                .extracting(ChainReport.Break::seq, ChainReport.Break::problem, ChainReport.Break::detail)
                .containsExactly(seq, ChainReport.Problem.ALTERED, "its column " + column + " disagrees with its hashed body");
    }

    private void rollBackVersion4() throws SQLException {
        tamper("DROP INDEX records_posture");
        tamper("ALTER TABLE records DROP COLUMN aspect");
        tamper("DELETE FROM history_schema_version WHERE version = '4'");
    }

    private static PostureChange posture(String table, PostureChange.Aspect aspect, String before, String after,
                                         Instant at) {
        return new PostureChange(TableRef.of(Records.ACCOUNT, Records.REGION, table), aspect, before, after, at);
    }

    /** Tags and daily storage of two tables over five days, and two other changes. */
    private void appendPostureOfTwoTables() {
        for (int d = 0; d < 5; d++) {
            List<PostureChange> day = new ArrayList<>();
            for (String t : List.of("orders", "users")) {
                day.add(posture(t, PostureChange.Aspect.BACKUP_STORAGE, d == 0 ? null : "pitr=" + d, "pitr=" + (d + 1),
                        day(d).plusSeconds(60)));
            }
            if (d == 0) {
                day.add(posture("orders", PostureChange.Aspect.TABLE_TAGS, null, "{\"env\":\"prod\"}", day(0)));
                day.add(posture("users", PostureChange.Aspect.TABLE_TAGS, null, "{}", day(0)));
            }
            if (d == 2) {
                day.add(posture("orders", PostureChange.Aspect.TABLE_TAGS, "{\"env\":\"prod\"}", "{\"env\":\"dev\"}",
                        day(2).plusSeconds(120)));
                day.add(pitrSwitchedOff("users", day(2).plusSeconds(180)));
            }
            history().append(List.of(), day, List.of());
        }
    }

    @Test
    void each_tables_latest_posture_of_an_aspect_before_an_instant_is_read_by_aspect() {
        appendPostureOfTwoTables();
        assertThat(store.queries().latestPostureBefore(day(3), PostureChange.Aspect.BACKUP_STORAGE))
                .extracting(s -> s.record().table().name(), s -> s.record().after())
                .containsExactly(tuple("orders", "pitr=3"), tuple("users", "pitr=3"));
        // Half-open: a record exactly at the instant is after it.
        assertThat(store.queries().latestPostureBefore(day(2).plusSeconds(60), PostureChange.Aspect.BACKUP_STORAGE))
                .extracting(s -> s.record().after()).containsExactly("pitr=2", "pitr=2");
        assertThat(store.queries().latestPostureBefore(day(9), PostureChange.Aspect.TABLE_TAGS))
                .extracting(s -> s.record().table().name(), s -> s.record().after())
                .containsExactly(tuple("users", "{}"), tuple("orders", "{\"env\":\"dev\"}"));
        assertThat(store.queries().latestPostureBefore(day(0), PostureChange.Aspect.TABLE_TAGS)).isEmpty();
        // Each is the record a scan of every posture change would have kept last, with its place in the chain.
        List<Stored<PostureChange>> all = store.queries().postureChanges(day(0), day(9), Filter.ALL);
        assertThat(store.queries().latestPostureBefore(day(9), PostureChange.Aspect.BACKUP_STORAGE))
                .containsExactlyElementsOf(all.stream().filter(s -> s.record().aspect() == PostureChange.Aspect.BACKUP_STORAGE
                        && s.record().at().isAfter(day(4))).toList());
    }

    @Test
    void the_history_port_gives_each_tables_last_posture_of_an_aspect_to_resume_from() {
        appendPostureOfTwoTables();
        assertThat(history().latestPosture(PostureChange.Aspect.BACKUP_STORAGE))
                .extracting(c -> c.table().name(), PostureChange::after, PostureChange::at)
                .containsExactly(tuple("orders", "pitr=5", day(4).plusSeconds(60)), tuple("users", "pitr=5", day(4).plusSeconds(60)));
        assertThat(history().latestPosture(PostureChange.Aspect.VAULT_LOCK)).isEmpty();
    }

    @Test
    void posture_changes_of_some_aspects_come_in_chain_order_without_the_others() {
        appendPostureOfTwoTables();
        List<Stored<PostureChange>> all = store.queries().postureChanges(day(0), day(9), Filter.ALL);
        Set<PostureChange.Aspect> logged = EnumSet.complementOf(EnumSet.of(PostureChange.Aspect.BACKUP_STORAGE));
        List<Stored<PostureChange>> some = new ArrayList<>();
        store.queries().forEachPostureChange(day(1), day(9), logged, some::add);
        assertThat(some).containsExactlyElementsOf(all.stream().filter(s -> logged.contains(s.record().aspect())
                && !s.record().at().isBefore(day(1))).toList());
        assertThat(some).extracting(s -> s.record().aspect())
                .containsExactly(PostureChange.Aspect.TABLE_TAGS, PostureChange.Aspect.PITR_ENABLED);
    }

    @Test
    void an_aspect_column_that_disagrees_with_its_hashed_body_is_named() throws SQLException {
        assertEditedColumnNamed("UPDATE records SET aspect = 'BACKUP_STORAGE' WHERE seq = 3", 3, "aspect");
    }

    @Test
    void a_history_written_before_schema_version_4_is_migrated_with_each_posture_changes_aspect() throws SQLException {
        appendPostureOfTwoTables();
        appendSomeOfEverything();
        String head = store.verifier().verify().summary();
        List<Stored<PostureChange>> storage = store.queries().latestPostureBefore(day(9), PostureChange.Aspect.BACKUP_STORAGE);
        rollBackVersion5();
        rollBackVersion4();
        migrateFromOlderSchema(head);
        assertThat(store.queries().latestPostureBefore(day(9), PostureChange.Aspect.BACKUP_STORAGE)).isEqualTo(storage);
        List<Stored<PostureChange>> pitr = new ArrayList<>();
        store.queries().forEachPostureChange(day(0), day(9), EnumSet.of(PostureChange.Aspect.PITR_ENABLED), pitr::add);
        assertThat(pitr).hasSize(2);
    }

    @Test
    void a_history_written_before_schema_version_5_is_migrated_with_each_transitions_words() throws SQLException {
        appendManyChanges();
        List<Stored<FindingChange>> before = changes(day(0), day(11), Filter.ALL);
        Map<FindingKey, Stored<FindingChange>> openBefore = store.queries().openChangesAt(day(6), DETAIL);
        assertThat(before).anyMatch(c -> c.record().words() != null);
        String head = store.verifier().verify().summary();
        rollBackVersion5();
        migrateFromOlderSchema(head);
        assertThat(changes(day(0), day(11), Filter.ALL)).isEqualTo(before);
        assertThat(store.queries().openChangesAt(day(6), DETAIL)).isEqualTo(openBefore);
    }

    @Test
    void a_words_column_that_disagrees_with_its_hashed_body_is_named() throws SQLException {
        assertEditedColumnNamed("UPDATE records SET message = 'all is well' WHERE seq = 2", 2, "message");
    }

    @Test
    void an_evaluation_time_column_that_disagrees_with_its_hashed_body_is_named() throws SQLException {
        assertEditedColumnNamed("UPDATE records SET evaluated_ns = evaluated_ns + 1 WHERE seq = 2", 2, "evaluated_ns");
    }

    @Test
    void words_are_the_findings_own_whatever_they_hold() {
        Finding odd = new Finding(Records.ACCOUNT, Records.REGION, "orders", null, "rpo-critical", "rpo", null,
                Status.NON_COMPLIANT, "line\nbreak \u00e9\u4e2d \ud83d\ude00 \"quoted\" back\\slash", null,
                "tab\there, control \u0001, separator \u001f, <script>", day(1).plusNanos(123_456_789));
        Finding empty = new Finding(Records.ACCOUNT, Records.REGION, "users", null, "restore", "restore_test", null,
                Status.COMPLIANT, "", "", "", day(1));
        history().append(List.of(Transition.opened(odd), Transition.opened(empty)), List.of(), List.of());
        assertThat(changes(day(0), day(2), Filter.ALL)).extracting(c -> c.record().words())
                .containsExactly(FindingChange.Words.of(odd), FindingChange.Words.of(empty));
        assertThat(store.queries().openChangesAt(day(2), DETAIL).values()).extracting(c -> c.record().words())
                .containsExactlyInAnyOrder(FindingChange.Words.of(odd), FindingChange.Words.of(empty));
    }

    @Test
    void names_outside_ascii_are_read_exactly_and_one_read_does_not_mix_them_up() {
        // Rows are read as UTF-8 bytes and repeated names are matched by their bytes: names that share a prefix,
        // differ only past it, or hold multi-byte characters must each come back as written.
        List<Finding> written = List.of(
                finding("r\u00e9gle", "t\u00e4ble-\u4e2d", Status.NON_COMPLIANT, day(1)),
                finding("r\u00e9gle", "t\u00e4ble-\u4e2e", Status.COMPLIANT, day(1)),
                finding("r\u00e9gles", "\ud83d\ude00", Status.NON_COMPLIANT, day(1)),
                finding("regle", "t\u00e4ble-\u4e2d", Status.UNKNOWN, day(1)));
        history().append(written.stream().map(Transition::opened).toList(), List.of(), List.of());
        assertSameChanges(changes(day(0), day(2), Filter.ALL), store.queries().transitions(day(0), day(2), Filter.ALL));
        assertThat(store.queries().openChangesAt(day(2), DETAIL).keySet())
                .containsExactlyInAnyOrderElementsOf(written.stream().map(FindingKey::of).toList());
    }

    @Test
    void a_name_holding_the_column_separator_is_still_read_exactly() {
        Finding odd = finding("rpo-critical", "odd\u001fname", Status.NON_COMPLIANT, day(1));
        Finding plain = finding("rpo-critical", "orders", Status.COMPLIANT, day(1));
        history().append(List.of(Transition.opened(odd), Transition.opened(plain)), List.of(), List.of());
        assertSameChanges(changes(day(0), day(2), Filter.ALL), store.queries().transitions(day(0), day(2), Filter.ALL));
        assertThat(store.queries().openChangesAt(day(2), DETAIL))
                .containsKey(new FindingKey("rpo-critical", Records.ACCOUNT, Records.REGION, "odd\u001fname"));
    }
}
