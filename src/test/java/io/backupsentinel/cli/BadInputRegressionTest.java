package io.backupsentinel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows 5, 6, 9, 10 and 16 of issue 7, each as a user would meet it on the command line. */
class BadInputRegressionTest {
    @TempDir
    Path dir;

    private Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("sentinel.yml"), yaml);
    }

    /** A file of {@code size} bytes on one line, written in chunks so the test itself stays small. */
    private Path oneLine(String name, String start, long size) throws IOException {
        Path file = dir.resolve(name);
        byte[] chunk = new byte[1024 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(start.getBytes(StandardCharsets.UTF_8));
            for (long written = start.length(); written < size; written += chunk.length) {
                out.write(chunk);
            }
        }
        return file;
    }

    @Test
    void row5_aws_written_twice_is_refused_naming_both_positions() throws IOException {
        Path f = config("aws: {regions: [us-east-1]}\naws: {regions: [eu-west-1]}\n");
        CliRun run = CliRun.of("audit", "--config", f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(f + ":2:1: duplicate key 'aws' (first at line 1, column 1)");
    }

    @Test
    void row5_collect_every_written_twice_is_refused() throws IOException {
        Path f = config("daemon:\n  collect_every: 1m\n  collect_every: 2m\n");
        CliRun run = CliRun.of("run", "--config", f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(f + ":3:3: duplicate key 'collect_every' (first at line 2, column 3)");
    }

    @Test
    void row5_a_daemon_section_that_is_a_number_or_a_list_is_refused() throws IOException {
        for (String v : new String[]{"5", "[x]"}) {
            Path f = config("daemon: " + v + "\n");
            CliRun run = CliRun.of("audit", "--config", f.toString());
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith(f + ":1:9: daemon: must be a mapping");
        }
    }

    @Test
    void row6_a_sandbox_audit_with_a_config_without_regions_says_cannot_audit() throws IOException {
        Path f = config("daemon: {collect_every: 1m}\n");
        CliRun run = CliRun.of("audit", "--sandbox", "--config", f.toString());
        assertThat(run.showsAStackTrace()).as(run.err()).isFalse();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("cannot audit: ");
    }

    @Test
    void row9_a_20_mb_one_line_rule_file_is_refused_for_its_size() throws IOException {
        Path rules = oneLine("huge.yml", "rules: [{name: ", 20L * 1024 * 1024);
        CliRun run = CliRun.of("validate", "--rules", rules.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith(rules + ": the file is larger than 3 MB, the limit for this kind of file");
        assertThat(run.out().length()).isLessThan(400);
    }

    @Test
    void row9_a_20_mb_one_line_config_is_refused_for_its_size() throws IOException {
        Path f = oneLine("sentinel.yml", "rules: ", 20L * 1024 * 1024);
        CliRun run = CliRun.of("audit", "--config", f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .isEqualTo(f + ": the file is larger than 1 MB, the limit for this kind of file; it was not read");
    }

    @Test
    void row10_a_rule_file_that_is_not_utf8_names_the_line_column_and_byte() throws IOException {
        Path rules = Files.write(dir.resolve("latin1.yml"),
                "rules:\n  - name: a\n    owner: Ren\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRun run = CliRun.of("validate", "--rules", rules.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().strip()).isEqualTo(rules + ":3:15: not UTF-8 (byte 0xE9); save the file as UTF-8");
    }

    @Test
    void row10_a_utf16_rule_file_is_refused_with_a_position() throws IOException {
        Path rules = Files.write(dir.resolve("utf16.yml"), "\ufeffrules: []\n".getBytes(StandardCharsets.UTF_16LE));
        CliRun run = CliRun.of("validate", "--rules", rules.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out().strip()).isEqualTo(rules
                + ":1:1: not UTF-8: the file starts with a UTF-16 byte order mark; save it as UTF-8");
        assertThat(run.showsAStackTrace()).isFalse();
    }

    @Test
    void row10_a_twenty_digit_number_in_a_duration_is_a_located_too_large() throws IOException {
        Path f = config("aws: {regions: [us-east-1]}\ndaemon: {collect_every: 99999999999999999999s}\n");
        CliRun run = CliRun.of("audit", "--config", f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo(f + ":2:25: daemon.collect_every: '99999999999999999999s' is too"
                + " long: a duration is at most 100 years (36525d)");
    }

    @Test
    void row10_a_twenty_digit_number_in_a_rule_duration_never_leaks_a_parser_message() throws IOException {
        Path rules = Files.writeString(dir.resolve("r.yml"), """
                rules:
                  - name: prod-rpo
                    check: rpo
                    severity: high
                    params: {max_age: 99999999999999999999d}
                """);
        CliRun run = CliRun.of("validate", "--rules", rules.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith(rules + ":5:23: rule prod-rpo: ").contains("at most 100 years")
                .doesNotContain("For input string");
    }

    @Test
    void row16_a_rate_scale_that_would_outwait_the_call_timeout_is_refused_at_read_time() throws IOException {
        Path f = config("aws:\n  regions: [us-east-1]\n  rate_limits: {scale: 0.000000001}\n");
        CliRun run = CliRun.of("audit", "--config", f.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(f + ":3:24: aws.rate_limits.scale: one paced ListBackups call would wait ")
                .contains("not less than call_timeout 30s");
    }
}
