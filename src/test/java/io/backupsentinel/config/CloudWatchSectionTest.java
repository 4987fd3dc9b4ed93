package io.backupsentinel.config;

import io.backupsentinel.aws.CloudWatchSettings;
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

class CloudWatchSectionTest {
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
    void without_the_section_cloudwatch_is_off_with_its_documented_defaults() throws IOException {
        CloudWatchSettings c = SentinelConfig.load(write("aws: {regions: [us-east-1]}\n")).cloudWatch();
        assertThat(c).isEqualTo(new CloudWatchSettings(false, "BackupSentinel", null, Duration.ofMinutes(1)));
        assertThat(SentinelConfig.defaults().cloudWatch()).isEqualTo(c);
    }

    @Test
    void an_enabled_section_is_read_in_full() throws IOException {
        CloudWatchSettings c = SentinelConfig.load(write("""
                cloudwatch: {enabled: true, namespace: Team/Backups, region: eu-west-1, every: 5m}
                """)).cloudWatch();
        assertThat(c).isEqualTo(new CloudWatchSettings(true, "Team/Backups", "eu-west-1", Duration.ofMinutes(5)));
    }

    @Test
    void enabled_alone_keeps_the_other_defaults() throws IOException {
        CloudWatchSettings c = SentinelConfig.load(write("cloudwatch:\n  enabled: true\n")).cloudWatch();
        assertThat(c).isEqualTo(new CloudWatchSettings(true, "BackupSentinel", null, Duration.ofMinutes(1)));
    }

    @Test
    void bad_values_are_each_located_on_their_line() throws IOException {
        List<String> errors = errors("""
                cloudwatch:
                  enabled: sometimes
                  namespace: AWS/DynamoDB
                  region: Frankfurt
                  every: 10s
                  evry: 1m
                """);
        assertThat(errors).hasSize(5);
        assertThat(errors.get(0)).startsWith("F:2:").contains("enabled");
        assertThat(errors.get(1)).startsWith("F:3:").contains("'AWS/DynamoDB' is not a CloudWatch namespace");
        assertThat(errors.get(2)).startsWith("F:4:").contains("'Frankfurt' is not a region name");
        assertThat(errors.get(3)).startsWith("F:5:").contains("every");
        assertThat(errors.get(4)).startsWith("F:6:").contains("evry: unknown key; did you mean 'every'?");
    }
}
