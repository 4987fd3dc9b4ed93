package io.backupsentinel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class IamPolicyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_config_that_publishes_to_cloudwatch_adds_put_metric_data_narrowed_to_its_namespace(@TempDir Path dir)
            throws Exception {
        Path config = Files.writeString(dir.resolve("sentinel.yml"), """
                rules: %s
                cloudwatch:
                  enabled: true
                  namespace: Acme/BackupSentinel
                """.formatted(Path.of("rules").toAbsolutePath()));

        Cli cli = Cli.run("iam-policy", "--config", config.toString());

        assertThat(cli.exit()).as(cli.err()).isZero();
        JsonNode publish = JSON.readTree(cli.out()).at("/Statement/2");
        assertThat(publish.at("/Action/0").asText()).isEqualTo("cloudwatch:PutMetricData");
        assertThat(publish.at("/Condition/StringEquals/cloudwatch:namespace").asText()).isEqualTo("Acme/BackupSentinel");
    }

    @Test
    void without_cloudwatch_the_policy_has_no_write_action(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("sentinel.yml"), "rules: " + Path.of("rules").toAbsolutePath() + "\n");

        Cli cli = Cli.run("iam-policy", "--config", config.toString());

        assertThat(cli.exit()).as(cli.err()).isZero();
        assertThat(cli.out()).doesNotContain("cloudwatch:").contains("dynamodb:ListTables");
    }

    @Test
    void a_bad_config_is_reported_with_its_location_and_prints_no_policy(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("sentinel.yml"), "cloudwatch:\n  enabeld: true\n");

        Cli cli = Cli.run("iam-policy", "--config", config.toString());

        assertThat(cli.exit()).isEqualTo(1);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("sentinel.yml:2:3");
    }
}
