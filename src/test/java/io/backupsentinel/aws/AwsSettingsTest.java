package io.backupsentinel.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsSettingsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static AwsSettings parse(String yaml) throws Exception {
        JsonNode root = YAML.readTree(yaml);
        return AwsSettings.fromJson(root.get("aws"));
    }

    @Test
    void a_full_section_is_read() throws Exception {
        AwsSettings s = parse("""
                aws:
                  regions: [us-east-1, eu-west-1]
                  accounts:
                    - self
                    - {role_arn: "arn:aws:iam::222222222222:role/BackupSentinelAudit", external_id: x1}
                  session_name: sentinel
                  rate_limits: {scale: 0.5, DescribeContinuousBackups: 8}
                  max_concurrency: 32
                  call_timeout: 1m
                  attempt_timeout: 15s
                """);

        assertThat(s.regions()).containsExactly("us-east-1", "eu-west-1");
        assertThat(s.accounts()).hasSize(2);
        assertThat(s.accounts().get(0).self()).isTrue();
        assertThat(s.accounts().get(1).accountId()).isEqualTo("222222222222");
        assertThat(s.accounts().get(1).externalId()).isEqualTo("x1");
        assertThat(s.sessionName()).isEqualTo("sentinel");
        assertThat(s.rateLimits().perSecond("DescribeContinuousBackups")).isEqualTo(4.0);
        assertThat(s.rateLimits().perSecond("ListBackups")).isEqualTo(2.5);
        assertThat(s.maxConcurrency()).isEqualTo(32);
        assertThat(s.callTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.attemptTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(s.endpointOverride()).isNull();
    }

    @Test
    void a_missing_section_means_the_defaults() throws Exception {
        AwsSettings s = parse("other: 1\n");

        assertThat(s.regions()).isEmpty();
        assertThat(s.accounts()).containsExactly(AwsSettings.Account.SELF);
        assertThat(s.sessionName()).isEqualTo("backup-sentinel");
        assertThat(s.maxConcurrency()).isEqualTo(16);
        assertThat(s.callTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.attemptTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.rateLimits().perSecond("DescribeContinuousBackups")).isEqualTo(10.0);
        assertThat(s.rateLimits().perSecond("ListBackups")).isEqualTo(5.0);
    }

    @Test
    void errors_name_the_key() {
        List<String[]> cases = List.of(
                new String[]{"aws: {regoins: [us-east-1]}", "aws.regoins: unknown setting"},
                new String[]{"aws: {regions: [useast1]}", "aws.regions[0]: 'useast1' is not a region name"},
                new String[]{"aws: {accounts: [me]}", "aws.accounts[0]: 'me' is not allowed"},
                new String[]{"aws: {accounts: [{external_id: x}]}", "aws.accounts[0].role_arn: is required"},
                new String[]{"aws: {accounts: [{role_arn: 'arn:aws:iam::22:role/x'}]}",
                        "aws.accounts[0].role_arn: 'arn:aws:iam::22:role/x' is not a role ARN"},
                new String[]{"aws: {max_concurrency: 0}", "aws.max_concurrency: must be a whole number"},
                new String[]{"aws: {call_timeout: soon}", "aws.call_timeout: 'soon' is not a duration"},
                new String[]{"aws: {rate_limits: {DescribeTable: 3}}", "aws.rate_limits.DescribeTable: unknown operation"},
                new String[]{"aws: {rate_limits: {scale: -1}}", "aws.rate_limits.scale: must be a number greater than 0"});
        for (String[] c : cases) {
            assertThatThrownBy(() -> parse(c[0])).as(c[0]).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(c[1]);
        }
    }
}
