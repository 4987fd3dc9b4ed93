package io.backupsentinel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar as users and the Docker image run it: a separate JVM, real exit codes, standard output
 * that carries only the command's output (logs go to standard error).
 */
class CliJarIT {
    private static final Path JAR = Path.of(System.getProperty("sentinel.jar", "target/backup-sentinel.jar"));

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    private Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the command ends").isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void version_and_help_work_and_a_bad_argument_prints_usage_with_exit_2() throws Exception {
        assertThat(run(Map.of(), "--version").out()).startsWith("backup-sentinel ");
        assertThat(run(Map.of(), "audit", "--help").out()).contains("--sandbox").contains("--format");
        Result bad = run(Map.of(), "audit", "--format", "xml");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("Usage:");
    }

    @Test
    void validate_prints_each_error_with_file_line_and_column_and_exits_1() throws Exception {
        Files.writeString(dir.resolve("bad.yml"), """
                rules:
                  - name: prod-rpo
                    check: rop
                    severity: critical
                """);
        Result r = run(Map.of(), "validate", "--rules", dir.resolve("bad.yml").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("bad.yml:3:12: rule prod-rpo: unknown check 'rop'; did you mean 'rpo'?");
    }

    @Test
    void a_sandbox_audit_prints_pure_json_and_exits_2_for_its_unknown_finding() throws Exception {
        Result r = run(Map.of(), "audit", "--sandbox", "--format", "json");
        assertThat(r.exit()).isEqualTo(2);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("findings").size()).isGreaterThan(100);
        assertThat(r.out()).doesNotContain("DEBUG").doesNotContain("INFO");
    }

    @Test
    void a_config_error_names_the_file_and_key() throws Exception {
        Path config = dir.resolve("sentinel.yml");
        Files.writeString(config, "aws:\n  regions: [us-east-1]\nrulez: ./rules\n");
        Result r = run(Map.of(), "audit", "--config", config.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("sentinel.yml").contains("rulez");
    }

    @Test
    void the_daemon_collects_from_the_endpoint_the_sdk_settings_name_and_stops_on_sigterm() throws Exception {
        try (Sandbox sandbox = Sandbox.start((Path) null, 0)) {
            Path config = dir.resolve("sentinel.yml");
            Files.writeString(config, "rules: " + Path.of("rules").toAbsolutePath() + "\n"
                    + "aws:\n  regions: [us-east-1]\nweb:\n  port: 0\n");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-jar", JAR.toString(), "run", "--config", config.toString()).redirectErrorStream(true);
            pb.environment().putAll(Map.of("AWS_ENDPOINT_URL", sandbox.endpoint(), "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "example", "AWS_REGION", "us-east-1"));
            Process p = pb.start();
            List<String> lines = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    if (line.contains("prod-pitr 111111111111/us-east-1/sessions")) {
                        // SIGTERM as docker stop sends it; Process.destroy() would also close our end of the pipe,
                        // ProcessHandle.destroy() only sends the signal.
                        p.toHandle().destroy();
                    }
                }
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(String.join("\n", lines)).containsPattern("collected \\d+ table\\(s\\) of 111111111111/us-east-1")
                    .contains("prod-pitr 111111111111/us-east-1/sessions: first seen NON_COMPLIANT")
                    .contains("stopping").doesNotContain("AWS_SECRET_ACCESS_KEY").doesNotContain("example\n");
        }
    }
}
