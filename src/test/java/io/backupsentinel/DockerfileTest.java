package io.backupsentinel;

import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.config.SentinelConfig;
import io.backupsentinel.rule.LoadResult;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.web.WebSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile matches what the program does: what it copies exists, its CMD reads the config it ships (the
 * documented mount point), that config's rules and data directory are the image's, the config is valid with
 * those paths, and its port and health check are the daemon's. (No Docker daemon is needed: the image's paths
 * are mapped onto the repository.)
 */
class DockerfileTest {
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Pattern EXEC_FORM = Pattern.compile("^(ENTRYPOINT|CMD|VOLUME)\\s+\\[(.*)]\\s*$");

    @Test
    void every_path_the_dockerfile_copies_from_the_repository_exists() throws IOException {
        List<String> sources = new ArrayList<>();
        for (String line : instructions()) {
            if (line.startsWith("COPY ") && !line.contains("--from=")) {
                String[] parts = line.substring(5).trim().split("\\s+");
                sources.addAll(List.of(parts).subList(0, parts.length - 1));
            }
        }
        assertThat(sources).contains("pom.xml", "src", "rules", "deploy/sentinel.yml");
        assertThat(sources).allSatisfy(s -> assertThat(Path.of(s)).exists());
    }

    @Test
    void the_cmd_reads_the_shipped_config_at_the_documented_mount_point() throws IOException {
        assertThat(execForm("CMD")).containsExactly("run", "--config", "/config/sentinel.yml");
        assertThat(instructions()).contains("COPY deploy/sentinel.yml /config/sentinel.yml");
        assertThat(Files.readString(Path.of("README.md"))).contains("`run --config /config/sentinel.yml`")
                .contains("/config/sentinel.yml:ro").contains("-v sentinel-data:/data");
        assertThat(execForm("ENTRYPOINT")).containsSubsequence("-jar", "/app/backup-sentinel.jar");
    }

    @Test
    void the_jvm_runs_the_collector_the_benchmarks_measured_with_a_heap_relative_to_the_container() throws IOException {
        // BENCHMARKS.md's period report figures are taken with the throughput collector the image runs.
        assertThat(execForm("ENTRYPOINT"))
                .containsSubsequence("java", "-XX:MaxRAMPercentage=75", "-XX:+UseParallelGC", "-jar");
        assertThat(Files.readString(Path.of("BENCHMARKS.md"))).contains("-XX:+UseParallelGC");
    }

    @Test
    void the_shipped_config_keeps_history_on_the_writable_volume_and_reads_the_baked_in_rules() throws IOException {
        String config = Files.readString(Path.of("deploy/sentinel.yml"));
        assertThat(config).containsPattern("(?m)^rules: /app/rules\\b").containsPattern("(?m)^  data_dir: /data\\b");
        assertThat(execForm("VOLUME")).containsExactly("/data");
        assertThat(instructions()).contains("COPY rules /app/rules")
                .anySatisfy(l -> assertThat(l).contains("chown 10001:10001 /data")).contains("USER 10001:10001");
    }

    @Test
    void the_shipped_config_is_valid_with_the_images_paths_and_its_rules_load(@TempDir Path dir) throws IOException {
        // The image's /app/rules is the repository's rules/, and /data a writable directory.
        Path data = Files.createDirectory(dir.resolve("data"));
        String mapped = Files.readString(Path.of("deploy/sentinel.yml"))
                .replace("/app/rules", Path.of("rules").toAbsolutePath().toString())
                .replace("data_dir: /data", "data_dir: " + data);
        Path file = Files.writeString(dir.resolve("sentinel.yml"), mapped);

        SentinelConfig config = SentinelConfig.load(file);

        assertThat(config.rules()).isEqualTo(Path.of("rules").toAbsolutePath());
        assertThat(config.daemon().dataDir()).isEqualTo(data);
        LoadResult rules = new RuleLoader(CheckRegistry.standard()).load(config.rules());
        assertThat(rules.errorLines()).isEmpty();
        assertThat(rules.isValid()).isTrue();
    }

    @Test
    void the_port_and_health_check_are_the_daemons() throws IOException {
        int port = WebSettings.DEFAULT_PORT;
        assertThat(instructions()).contains("EXPOSE " + port);
        String healthcheck = instructions().stream().filter(l -> l.startsWith("HEALTHCHECK ")).findFirst().orElseThrow();
        assertThat(healthcheck).contains("CMD curl -fsS http://127.0.0.1:" + port + "/-/healthy");
        assertThat(instructions()).anySatisfy(l -> assertThat(l).contains("apt-get install").contains(" curl"));
        assertThat(Files.readString(Path.of("src/main/java/io/backupsentinel/web/WebServer.java")))
                .contains("\"/-/healthy\"");
    }

    /** The run stage's instructions, continuation lines joined, comments left out. */
    private static List<String> instructions() throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : Files.readAllLines(DOCKERFILE)) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty()) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            out.add(current.append(line).toString().replaceAll("\\s+", " "));
            current.setLength(0);
        }
        return out;
    }

    private static List<String> execForm(String instruction) throws IOException {
        Map<String, List<String>> found = new HashMap<>();
        for (String line : instructions()) {
            Matcher m = EXEC_FORM.matcher(line);
            if (m.matches()) {
                List<String> args = new ArrayList<>();
                Matcher arg = Pattern.compile("\"([^\"]*)\"").matcher(m.group(2));
                while (arg.find()) {
                    args.add(arg.group(1));
                }
                found.put(m.group(1), args);
            }
        }
        assertThat(found).as("the Dockerfile's exec-form " + instruction).containsKey(instruction);
        return found.get(instruction);
    }
}
