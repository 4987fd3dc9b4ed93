package io.backupsentinel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SentinelConfigTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("sentinel.yml"), yaml);
    }

    @Test
    void a_full_config_is_read_with_rules_relative_to_the_file() throws IOException {
        SentinelConfig c = SentinelConfig.load(write("""
                rules: ./my-rules
                aws:
                  regions: [us-east-1, eu-west-1]
                daemon: {collect_every: 10m, evaluate_every: 30s}
                """));
        assertThat(c.rules()).isEqualTo(dir.resolve("my-rules").toAbsolutePath().normalize());
        assertThat(c.aws().regions()).isEqualTo(List.of("us-east-1", "eu-west-1"));
        assertThat(c.collectEvery()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.evaluateEvery()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void an_unknown_key_is_an_error_naming_file_and_key() throws IOException {
        Path file = write("rulez: ./rules\n");
        assertThatThrownBy(() -> SentinelConfig.load(file)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("sentinel.yml").hasMessageContaining("rulez");
    }

    @Test
    void a_bad_daemon_interval_is_an_error_naming_the_key() throws IOException {
        Path file = write("daemon: {collect_every: 5s}\n");
        assertThatThrownBy(() -> SentinelConfig.load(file)).hasMessageContaining("daemon.collect_every")
                .hasMessageContaining("at least 10s");
    }

    @Test
    void an_aws_section_error_names_its_key() throws IOException {
        Path file = write("aws: {max_concurrency: 0}\n");
        assertThatThrownBy(() -> SentinelConfig.load(file)).hasMessageContaining("aws.max_concurrency");
    }

    @Test
    void broken_yaml_names_the_line() throws IOException {
        Path file = write("aws:\n  regions: [us-east-1\n");
        assertThatThrownBy(() -> SentinelConfig.load(file)).hasMessageContaining("sentinel.yml:")
                .hasMessageContaining("not valid YAML");
    }
}
