package io.backupsentinel.store;

import io.backupsentinel.model.Status;
import io.backupsentinel.model.Transition;
import io.backupsentinel.testing.PostgresCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The history contract on a real PostgreSQL, plus what only a shared server brings: concurrent daemons, logins. */
class PostgresHistoryIT extends HistoryContract {
    @RegisterExtension
    static final PostgresCluster PG = new PostgresCluster();
    private String url;

    @Override
    protected StoreSettings freshSettings() throws Exception {
        url = PG.newDatabase();
        return StoreSettings.postgres(url, PostgresCluster.USER, PG.passwordFile(), null);
    }

    @Override
    protected Connection rawConnection() throws SQLException {
        return DriverManager.getConnection(url, PostgresCluster.USER, PG.password());
    }

    @Test
    void two_daemons_appending_at_once_keep_one_linear_chain() throws Exception {
        int perWriter = 60;
        try (HistoryStore second = HistoryStore.open(settings())) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            List<HistoryStore> writers = List.of(store, second, store, second);
            for (int w = 0; w < writers.size(); w++) {
                HistoryStore writer = writers.get(w);
                String table = "table-" + w;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perWriter; i++) {
                        writer.history().append(List.of(Transition.opened(Records.finding("r" + i, table, Status.COMPLIANT,
                                Records.day(0)))), List.of(), List.of(Records.event(table + i, "trigger", Records.day(0))));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            pool.shutdown();
        }
        ChainReport report = store.verifier().verify();
        assertThat(report.ok()).as(report.summary()).isTrue();
        assertThat(report.records()).isEqualTo(4L * perWriter * 2);
        assertThat(store.history().current()).hasSize(4 * perWriter);
        assertThat(store.outbox().depth("pagerduty")).isEqualTo(4L * perWriter);
    }

    @Test
    void postgresql_unreachable_at_start_is_one_line() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String nowhere = "jdbc:postgresql://127.0.0.1:" + closed + "/history";
        assertThatThrownBy(() -> HistoryStore.open(StoreSettings.postgres(nowhere, "sentinel", null, null)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("PostgreSQL history at " + nowhere + " is unreachable: Connection to 127.0.0.1:"
                        + closed + " refused")
                .hasMessageNotContaining("\n");
    }

    @Test
    void a_wrong_password_is_named_and_never_printed() throws Exception {
        Path wrong = Files.createTempFile("pw", ".txt");
        Files.writeString(wrong, "not-the-password\n");
        try {
            assertThatThrownBy(() -> HistoryStore.open(StoreSettings.postgres(PG.url("postgres"), PostgresCluster.USER, wrong, null)))
                    .isInstanceOf(StoreException.class)
                    .hasMessageStartingWith("PostgreSQL history at " + PG.url("postgres") + " refused the login of user postgres: ")
                    .hasMessageNotContaining("not-the-password");
        } finally {
            Files.delete(wrong);
        }
    }

    @Test
    void a_password_in_the_url_is_never_shown() {
        String withSecret = "jdbc:postgresql://127.0.0.1:1/history?user=x&password=hunter2";
        assertThat(StoreSettings.postgres(withSecret, null, null, null).describe())
                .isEqualTo("jdbc:postgresql://127.0.0.1:1/history?user=x&password=***");
    }
}
