package io.backupsentinel.config;

import io.backupsentinel.yaml.YamlError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SentinelConfigTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("sentinel.yml"), yaml);
    }

    private List<String> errors(String yaml) throws IOException {
        Path file = write(yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SentinelConfig.load(file));
        assertThat(e).as("%s is refused", yaml).isNotNull();
        return e.errors().stream().map(YamlError::toString).map(s -> s.replace(file.toString(), "F")).toList();
    }

    @Test
    void a_full_config_is_read_with_paths_relative_to_the_file() throws IOException {
        Files.createDirectory(dir.resolve("my-rules"));
        SentinelConfig c = SentinelConfig.load(write("""
                rules: ./my-rules
                aws:
                  regions: [us-east-1, eu-west-1]
                daemon: {collect_every: 10m, evaluate_every: 30s, recheck_every: 5s, data_dir: state}
                """));
        assertThat(c.rules()).isEqualTo(dir.resolve("my-rules").toAbsolutePath().normalize());
        assertThat(c.aws().regions()).isEqualTo(List.of("us-east-1", "eu-west-1"));
        assertThat(c.daemon().collectEvery()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.daemon().evaluateEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.daemon().recheckEvery()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.daemon().dataDir()).isEqualTo(dir.resolve("state").toAbsolutePath().normalize());
    }

    @Test
    void pagerduty_links_point_at_the_status_page_of_web_base_url() throws IOException {
        SentinelConfig c = SentinelConfig.load(write("""
                aws: {regions: [us-east-1]}
                web: {base_url: "https://sentinel.example.com/ops/"}
                """));
        assertThat(c.pagerDuty().statusPageUrl()).hasToString("https://sentinel.example.com/ops/");
    }

    @Test
    void daemon_settings_have_their_documented_defaults() throws IOException {
        DaemonSettings d = SentinelConfig.load(write("aws: {regions: [us-east-1]}\n")).daemon();
        assertThat(d.collectEvery()).isEqualTo(Duration.ofMinutes(15));
        assertThat(d.evaluateEvery()).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.recheckEvery()).isEqualTo(Duration.ofMinutes(1));
        assertThat(d.dataDir()).isEqualTo(dir.resolve("data").toAbsolutePath().normalize());
    }

    @Test
    void an_unknown_key_is_located_and_gets_a_suggestion() throws IOException {
        assertThat(errors("aws: {regions: [us-east-1]}\nrulez: ./rules\n")).containsExactly(
                "F:2:1: rulez: unknown key; did you mean 'rules'? (known keys here: alert, aws, cloudwatch, cost, daemon, metrics, rules, store, web)");
    }

    @Test
    void every_error_of_the_file_is_reported_at_once_in_file_order() throws IOException {
        assertThat(errors("""
                daemon:
                  collect_every: 5s
                  evaluate_every: soon
                aws:
                  max_concurrency: 0
                  regions: [useast1]
                """)).containsExactly(
                "F:2:18: daemon.collect_every: must be at least 10s, got 5s",
                "F:3:19: daemon.evaluate_every: 'soon' is not a duration: write a number and a unit (s, m, h, d, w),"
                        + " e.g. 1h or 35d",
                "F:5:20: aws.max_concurrency: must be 1..1024, got 0",
                "F:6:13: aws.regions[0]: 'useast1' is not a region name, e.g. us-east-1");
    }

    @Test
    void a_section_of_the_wrong_kind_is_an_error() throws IOException {
        assertThat(errors("daemon: 5\n")).containsExactly("F:1:9: daemon: must be a mapping (key: value lines), not a number");
        assertThat(errors("daemon: [x]\n")).containsExactly("F:1:9: daemon: must be a mapping (key: value lines), not a list");
    }

    @Test
    void a_key_written_twice_is_an_error_naming_the_first() throws IOException {
        assertThat(errors("aws: {}\naws: {regions: [us-east-1]}\n"))
                .containsExactly("F:2:1: duplicate key 'aws' (first at line 1, column 1)");
        assertThat(errors("daemon:\n  collect_every: 1m\n  collect_every: 2m\n"))
                .containsExactly("F:3:3: duplicate key 'collect_every' (first at line 2, column 3)");
    }

    @Test
    void the_recheck_interval_has_its_own_floor() throws IOException {
        assertThat(errors("daemon: {recheck_every: 4s}\n"))
                .containsExactly("F:1:25: daemon.recheck_every: must be at least 5s, got 4s");
    }

    @Test
    void a_rules_path_that_does_not_exist_names_the_absolute_path_tried() throws IOException {
        Path tried = dir.resolve("nowhere").toAbsolutePath().normalize();
        assertThat(errors("rules: nowhere\n")).containsExactly("F:1:8: rules: no rules directory or file at "
                + tried + " (relative paths are resolved against the config file's directory)");
    }

    @Test
    void broken_yaml_names_the_line_and_column() throws IOException {
        assertThat(errors("aws:\n  regions: [us-east-1\n")).singleElement().asString()
                .startsWith("F:3:1: invalid YAML: ");
    }

    @Test
    void an_empty_file_is_an_error() throws IOException {
        assertThat(errors("# nothing\n")).singleElement().asString().startsWith("F: the file is empty");
    }
}
