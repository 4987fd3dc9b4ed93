package io.backupsentinel.store;

import io.backupsentinel.model.Status;
import io.backupsentinel.model.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The faults a user can meet when the embedded history starts: each is one line that says what to do. */
class SqliteFaultsTest {
    @TempDir
    Path dir;

    @Test
    void a_second_daemon_on_the_same_data_directory_fails_at_start() {
        try (HistoryStore first = HistoryStore.open(StoreSettings.sqlite(dir))) {
            assertThatThrownBy(() -> HistoryStore.open(StoreSettings.sqlite(dir)))
                    .isInstanceOf(StoreException.class)
                    .hasMessage("data directory " + dir + " is in use by another running backup-sentinel (it holds "
                            + dir.resolve("history.lock") + "): stop that daemon or give this one another daemon.data_dir");
            assertThat(first.verifier().verify().ok()).isTrue();
        }
        // Closing releases the lock.
        HistoryStore.open(StoreSettings.sqlite(dir)).close();
    }

    @Test
    void a_daemon_in_another_process_holding_the_data_directory_keeps_this_one_out() throws Exception {
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), LockHolder.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            String first = new java.io.BufferedReader(new java.io.InputStreamReader(other.getInputStream())).readLine();
            assertThat(first).as("the other process opened the history").startsWith("open ");
            assertThatThrownBy(() -> HistoryStore.open(StoreSettings.sqlite(dir)))
                    .isInstanceOf(StoreException.class).hasMessageContaining("is in use by another running backup-sentinel");
        } finally {
            other.getOutputStream().close();
            assertThat(other.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        HistoryStore.open(StoreSettings.sqlite(dir)).close();
    }

    @Test
    void a_data_directory_that_is_a_file_is_named() throws IOException {
        Path file = Files.writeString(dir.resolve("data"), "x");
        assertThatThrownBy(() -> HistoryStore.open(StoreSettings.sqlite(file)))
                .isInstanceOf(StoreException.class).hasMessage("data directory " + file + " is not a directory");
    }

    @Test
    void a_data_directory_that_cannot_be_created_is_named() throws IOException {
        Path file = Files.writeString(dir.resolve("data"), "x");
        Path below = file.resolve("history");
        assertThatThrownBy(() -> HistoryStore.open(StoreSettings.sqlite(below)))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("cannot create data directory " + below + ": ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void a_corrupt_database_file_is_named_at_start() throws IOException {
        Files.write(dir.resolve(StoreSettings.SQLITE_FILE), "this is not a database, it is a shopping list\n".repeat(200).getBytes());
        assertThatThrownBy(() -> HistoryStore.open(StoreSettings.sqlite(dir)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("history " + dir.resolve("history.db") + " is corrupt or not a SQLite database (")
                .hasMessageEndingWith("): move it aside and restore it from a backup")
                .hasMessageNotContaining("\n");
    }

    @Test
    void verifying_a_history_that_does_not_exist_says_so() {
        assertThatThrownBy(() -> HistoryStore.openReadOnly(StoreSettings.sqlite(dir)))
                .isInstanceOf(StoreException.class)
                .hasMessage("no history at " + dir.resolve("history.db") + ": the daemon has not written one there (check daemon.data_dir)");
    }

    @Test
    void the_history_file_uses_the_write_ahead_log_with_full_sync() throws Exception {
        try (HistoryStore store = HistoryStore.open(StoreSettings.sqlite(dir))) {
            store.history().append(List.of(Transition.opened(Records.finding("r", "t", Status.COMPLIANT, Records.T0))),
                    List.of(), List.of());
            try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db"));
                 var s = c.createStatement(); var rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("wal");
            }
        }
    }
}
