package io.backupsentinel.config;

import io.backupsentinel.aws.AwsSettings;
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

class AwsSectionTest {
    @TempDir
    Path dir;

    private AwsSettings parse(String yaml) throws IOException {
        return SentinelConfig.load(Files.writeString(dir.resolve("c.yml"), yaml)).aws();
    }

    private List<String> errors(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("c.yml"), yaml);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> SentinelConfig.load(file));
        assertThat(e).as("%s is refused", yaml).isNotNull();
        return e.errors().stream().map(YamlError::toString).map(s -> s.replace(file.toString(), "F")).toList();
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
        AwsSettings s = parse("daemon: {}\n");

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
    void errors_name_the_key_and_its_position() throws IOException {
        assertThat(errors("aws: {regoins: [us-east-1]}")).containsExactly(
                "F:1:7: aws.regoins: unknown key; did you mean 'regions'? (known keys here: accounts,"
                        + " attempt_timeout, call_timeout, max_concurrency, rate_limits, regions, session_name)");
        assertThat(errors("aws: {accounts: [me]}")).containsExactly("F:1:18: aws.accounts[0]: 'me' is not allowed;"
                + " write 'self' or {role_arn: arn:aws:iam::ACCOUNT:role/NAME}");
        assertThat(errors("aws: {accounts: [{external_id: x}]}"))
                .containsExactly("F:1:18: aws.accounts[0].role_arn: is required");
        assertThat(errors("aws: {accounts: [{role_arn: 'arn:aws:iam::22:role/x'}]}")).containsExactly(
                "F:1:29: aws.accounts[0].role_arn: 'arn:aws:iam::22:role/x' is not a role ARN like"
                        + " arn:aws:iam::123456789012:role/NAME");
        assertThat(errors("aws: {call_timeout: soon}")).singleElement().asString()
                .startsWith("F:1:21: aws.call_timeout: 'soon' is not a duration");
        assertThat(errors("aws: {rate_limits: {DescribeTimeToLive: 3}}")).singleElement().asString()
                .startsWith("F:1:21: aws.rate_limits.DescribeTimeToLive: unknown operation");
        assertThat(errors("aws: {rate_limits: {scale: -1}}")).containsExactly(
                "F:1:28: aws.rate_limits.scale: must be 0..1000000, got -1");
        assertThat(errors("aws: {rate_limits: {scale: 0}}")).containsExactly(
                "F:1:28: aws.rate_limits.scale: must be a number greater than 0, got 0");
    }

    @Test
    void a_twenty_digit_number_is_too_large_not_a_parse_failure() throws IOException {
        assertThat(errors("aws: {max_concurrency: 12345678901234567890}")).containsExactly(
                "F:1:24: aws.max_concurrency: is too large: must be 1..1024, got 12345678901234567890");
    }

    @Test
    void a_duration_that_overflows_is_too_large() throws IOException {
        assertThat(errors("aws: {call_timeout: 3000000000000000w}")).singleElement().asString()
                .startsWith("F:1:21: aws.call_timeout: ").contains("at most 100 years").doesNotContain("Exception");
    }

    @Test
    void a_rate_scale_that_makes_a_call_wait_past_the_call_timeout_is_refused() throws IOException {
        assertThat(errors("aws: {rate_limits: {scale: 0.000000001}}")).containsExactly(
                "F:1:28: aws.rate_limits.scale: one paced ListBackups call would wait 2314d19h for its"
                        + " turn (5.0E-9 calls/s), not less than call_timeout 30s, so it would time out waiting;"
                        + " raise the rate or call_timeout (and 15 other operations)");
    }

    @Test
    void a_slow_override_is_refused_at_the_override_naming_its_wait() throws IOException {
        assertThat(errors("aws: {call_timeout: 30s, rate_limits: {DescribeContinuousBackups: 0.02}}"))
                .containsExactly("F:1:67: aws.rate_limits.DescribeContinuousBackups: one paced"
                        + " DescribeContinuousBackups call would wait 50s for its turn (0.02 calls/s), not less"
                        + " than call_timeout 30s, so it would time out waiting; raise the rate or call_timeout");
        assertThat(parse("aws: {call_timeout: 1m, rate_limits: {DescribeContinuousBackups: 0.02}}")
                .rateLimits().perSecond("DescribeContinuousBackups")).as("within a longer timeout").isEqualTo(0.02);
    }
}
