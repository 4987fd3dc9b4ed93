package io.backupsentinel.store;

import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.History;
import io.backupsentinel.model.OutboxEvent;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Transition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.backupsentinel.store.Records.day;
import static io.backupsentinel.store.Records.finding;
import static io.backupsentinel.store.Records.pitrSwitchedOff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ResilientHistoryTest {
    /** A history whose database can be switched off, and that remembers what it stored in order. */
    private static final class Flaky implements History {
        final AtomicBoolean down = new AtomicBoolean();
        final List<String> stored = new ArrayList<>();
        final Map<FindingKey, Finding> open = new HashMap<>();
        final Map<String, PostureChange> posture = new java.util.LinkedHashMap<>();
        RuntimeException fault = new StoreException("PostgreSQL history at x: cannot append: refused", null, true);

        @Override
        public synchronized void append(List<Transition> transitions, List<PostureChange> changes, List<OutboxEvent> events) {
            if (down.get()) {
                throw fault;
            }
            changes.forEach(c -> posture.put(c.table().arn() + "/" + c.aspect(), c));
            transitions.forEach(t -> {
                stored.add(t.key().table() + ":" + t.to());
                if (t.current() == null) {
                    open.remove(t.key());
                } else {
                    open.put(t.key(), t.current());
                }
            });
        }

        @Override
        public synchronized void appendRun(AuditRun run) {
            if (down.get()) {
                throw fault;
            }
            stored.add("run");
        }

        @Override
        public synchronized Map<FindingKey, Finding> current() {
            return new HashMap<>(open);
        }

        @Override
        public synchronized List<PostureChange> latestPosture(PostureChange.Aspect aspect) {
            return posture.values().stream().filter(c -> c.aspect() == aspect).toList();
        }
    }

    private static PostureChange storage(String table, String before, String after, Instant at) {
        return new PostureChange(io.backupsentinel.model.TableRef.of(Records.ACCOUNT, Records.REGION, table),
                PostureChange.Aspect.BACKUP_STORAGE, before, after, at);
    }

    @Test
    void the_latest_posture_includes_the_changes_still_queued_over_the_stored_ones() throws Exception {
        Flaky db = new Flaky();
        try (ResilientHistory history = new ResilientHistory(db, Duration.ofMillis(10), Duration.ofMillis(50))) {
            history.append(List.of(), List.of(storage("a", null, "pitr=1", day(0)), storage("b", null, "pitr=1", day(0))),
                    List.of());
            assertThat(history.flush(Duration.ofSeconds(5))).isTrue();
            db.down.set(true);
            history.append(List.of(), List.of(storage("a", "pitr=1", "pitr=2", day(1)), pitrSwitchedOff("b", day(1))),
                    List.of());
            assertThat(history.latestPosture(PostureChange.Aspect.BACKUP_STORAGE))
                    .extracting(c -> c.table().name(), PostureChange::after)
                    .containsExactlyInAnyOrder(tuple("a", "pitr=2"), tuple("b", "pitr=1"));
            db.down.set(false);
            assertThat(history.flush(Duration.ofSeconds(5))).isTrue();
            assertThat(db.latestPosture(PostureChange.Aspect.BACKUP_STORAGE)).extracting(PostureChange::after)
                    .containsExactlyInAnyOrder("pitr=2", "pitr=1");
        }
    }

    private static Transition opened(String table) {
        return Transition.opened(finding("rpo", table, Status.COMPLIANT, day(0)));
    }

    @Test
    void writes_during_an_outage_are_queued_in_order_and_stored_when_the_database_is_back() throws Exception {
        Flaky db = new Flaky();
        try (ResilientHistory history = new ResilientHistory(db, Duration.ofMillis(10), Duration.ofMillis(50))) {
            history.append(List.of(opened("a")), List.of(), List.of());
            db.down.set(true);
            history.append(List.of(opened("b")), List.of(), List.of());
            history.appendRun(Records.run(day(0)));
            history.append(List.of(opened("c")), List.of(), List.of());
            assertThat(history.depth()).isEqualTo(3);
            assertThat(history.lastError()).contains("refused");
            assertThat(history.current()).hasSize(3);

            db.down.set(false);
            assertThat(history.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(db.stored).containsExactly("a:COMPLIANT", "b:COMPLIANT", "run", "c:COMPLIANT");
            assertThat(history.depth()).isZero();
            assertThat(history.lastError()).isNull();
        }
    }

    @Test
    void a_fault_that_waiting_cannot_cure_is_thrown_to_the_caller() {
        Flaky db = new Flaky();
        db.fault = new StoreException("history: cannot append: constraint failed", null, false);
        db.down.set(true);
        try (ResilientHistory history = new ResilientHistory(db)) {
            assertThatThrownBy(() -> history.append(List.of(opened("a")), List.of(), List.of()))
                    .isInstanceOf(StoreException.class).hasMessageContaining("constraint");
            assertThat(history.depth()).isZero();
        }
    }

    @Test
    void flush_says_false_when_the_database_stays_away() throws Exception {
        Flaky db = new Flaky();
        db.down.set(true);
        try (ResilientHistory history = new ResilientHistory(db, Duration.ofMillis(10), Duration.ofMillis(20))) {
            history.append(List.of(opened("a")), List.of(), List.of());
            assertThat(history.flush(Duration.ofMillis(200))).isFalse();
            assertThat(history.depth()).isEqualTo(1);
        }
    }
}
