package io.backupsentinel.cli;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Transition;
import io.backupsentinel.store.HistoryStore;
import io.backupsentinel.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VerifyCommandTest {
    @TempDir
    Path dir;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int verify(String... args) {
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private String writeHistory() {
        Instant at = Instant.parse("2026-03-01T00:00:00Z");
        Finding f = new Finding("111111111111", "eu-west-1", "orders", "arn:aws:dynamodb:eu-west-1:111111111111:table/orders",
                "rpo", "rpo", Severity.CRITICAL, Status.COMPLIANT, "1h", "<= 2h", "ok", at);
        try (HistoryStore store = HistoryStore.open(StoreSettings.sqlite(dir))) {
            store.history().append(List.of(Transition.opened(f)), List.of(), List.of());
            store.history().append(List.of(Transition.closed(f, at.plusSeconds(60))), List.of(), List.of());
            return store.queries().head().hash();
        }
    }

    @Test
    void an_intact_history_prints_its_head_and_exits_0() {
        String head = writeHistory();
        assertThat(verify("verify", "--history", "--data-dir", dir.toString())).isZero();
        assertThat(out.toString().strip()).isEqualTo("history OK: 2 records, head 2 " + head);
    }

    @Test
    void the_config_file_says_where_the_history_is() throws Exception {
        String head = writeHistory();
        Path config = Files.writeString(dir.resolve("sentinel.yml"), "daemon:\n  data_dir: .\n");
        assertThat(verify("verify", "--history", "--config", config.toString())).isZero();
        assertThat(out.toString()).contains("head 2 " + head);
    }

    @Test
    void a_tampered_record_is_named_and_exits_1() throws Exception {
        writeHistory();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("history.db")); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE records SET body = replace(body, 'COMPLIANT', 'NON_COMPLIANT') WHERE seq = 1");
        }
        assertThat(verify("verify", "--history", "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith(dir.resolve("history.db") + ": history BROKEN at record 1 (transition): altered:"
                + " its content does not match its hash ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void a_missing_history_is_one_line_and_exits_2() {
        assertThat(verify("verify", "--history", "--data-dir", dir.resolve("nowhere").toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("no history at " + dir.resolve("nowhere/history.db")
                + ": the daemon has not written one there (check daemon.data_dir)");
    }

    @Test
    void verify_without_saying_what_is_a_usage_error() {
        assertThat(verify("verify", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("nothing to verify: give a report FILE or --history");
    }

    @Test
    void a_file_that_is_no_report_fails_and_says_no_seal_was_found() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.csv"), "section,rule\nrules,rpo\n");
        assertThat(verify("verify", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("notes.csv: NOT VERIFIED (no seal)").contains("no integrity seal found at the end of this file")
                .doesNotContain("ALTERED").doesNotContain("csv file");
    }

    @Test
    void a_report_that_cannot_be_read_is_exit_2() {
        assertThat(verify("verify", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read");
    }
}
