package io.backupsentinel.store;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Transition;
import io.backupsentinel.testing.PostgresCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static io.backupsentinel.store.Records.day;
import static io.backupsentinel.store.Records.finding;
import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL stopped while the daemon runs: writes queue in memory, in order, and land when it is back. */
class ResilientHistoryIT {
    @RegisterExtension
    static final PostgresCluster PG = new PostgresCluster();

    @Test
    void writes_made_while_postgresql_is_down_are_stored_in_order_once_it_is_back() throws Exception {
        StoreSettings settings = StoreSettings.postgres(PG.newDatabase(), PostgresCluster.USER, PG.passwordFile(), null);
        Finding ok = finding("rpo-critical", "orders", Status.COMPLIANT, day(0));
        Finding breach = finding("rpo-critical", "orders", Status.NON_COMPLIANT, day(1));
        Finding back = finding("rpo-critical", "orders", Status.COMPLIANT, day(2));
        try (HistoryStore store = HistoryStore.open(settings);
             ResilientHistory history = new ResilientHistory(store.history(), Duration.ofMillis(100), Duration.ofSeconds(1))) {
            history.append(List.of(Transition.opened(ok)), List.of(), List.of());
            assertThat(history.depth()).isZero();

            PG.stop();
            history.append(List.of(Transition.changed(ok, breach)), List.of(), List.of(Records.event("k", "trigger", day(1))));
            history.appendRun(Records.run(day(1)));
            history.append(List.of(Transition.changed(breach, back)), List.of(), List.of(Records.event("k", "resolve", day(2))));
            assertThat(history.depth()).isEqualTo(3);
            assertThat(history.lastError()).contains("PostgreSQL history at");

            PG.start();
            assertThat(history.flush(Duration.ofSeconds(90))).as("queue drained; last error: %s", history.lastError()).isTrue();

            assertThat(history.depth()).isZero();
            assertThat(history.current()).containsExactly(java.util.Map.entry(FindingKey.of(back), back));
            assertThat(store.queries().transitions(day(0), day(9), Filter.ALL)).extracting(s -> s.record().to())
                    .containsExactly(Status.COMPLIANT, Status.NON_COMPLIANT, Status.COMPLIANT);
            assertThat(store.outbox().due("pagerduty", day(3), 10)).extracting(e -> e.action()).containsExactly("trigger", "resolve");
            ChainReport report = store.verifier().verify();
            assertThat(report.ok()).as(report.summary()).isTrue();
            assertThat(report.records()).isEqualTo(6);
        }
    }
}
