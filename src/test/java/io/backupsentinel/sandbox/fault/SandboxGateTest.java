package io.backupsentinel.sandbox.fault;

import io.backupsentinel.sandbox.http.AwsError;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxGateTest {
    private static final String ACCT = "111111111111";
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final List<Duration> slept = new ArrayList<>();
    private final SandboxGate gate = new SandboxGate(nanos::get, slept::add);

    private void call(String region, String service, String operation) {
        gate.admit(ACCT, region, service, operation);
    }

    private int admitted(int attempts, String service, String operation) {
        int ok = 0;
        for (int i = 0; i < attempts; i++) {
            try {
                call("us-east-1", service, operation);
                ok++;
            } catch (AwsError e) {
                assertThat(e.code()).isIn("ThrottlingException", "ThrottledException", "Throttling");
            }
        }
        return ok;
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void an_open_gate_admits_everything() {
        assertThat(admitted(1000, "dynamodb", "DescribeContinuousBackups")).isEqualTo(1000);
    }

    @Test
    void a_bucket_admits_its_burst_then_refuses_until_it_refills() {
        gate.limit(Selector.operation("dynamodb", "ListBackups"), 2, 3);
        assertThat(admitted(10, "dynamodb", "ListBackups")).isEqualTo(3);
        advance(Duration.ofMillis(499));
        assertThat(admitted(1, "dynamodb", "ListBackups")).isZero();
        advance(Duration.ofMillis(1));
        assertThat(admitted(5, "dynamodb", "ListBackups")).isEqualTo(1);
        advance(Duration.ofSeconds(10));
        assertThat(admitted(10, "dynamodb", "ListBackups")).isEqualTo(3);
    }

    @Test
    void a_rate_of_zero_throttles_every_request_however_long_one_waits() {
        gate.limit(Selector.operation("dynamodb", "ListBackups"), 0, 0);
        assertThat(admitted(10, "dynamodb", "ListBackups")).isZero();
        advance(Duration.ofDays(1));
        assertThat(admitted(10, "dynamodb", "ListBackups")).isZero();
        assertThat(admitted(10, "dynamodb", "DescribeBackup")).isEqualTo(10);
    }

    @Test
    void a_rate_of_zero_takes_no_burst_and_is_not_scaled_into_a_rate() {
        assertThatThrownBy(() -> new Limit(Selector.ANY, 0, 1)).hasMessageContaining("takes no burst");
        assertThat(new Limit(Selector.ANY, 0, 0).scaled(1000)).isEqualTo(new Limit(Selector.ANY, 0, 0));
    }

    @Test
    void buckets_are_separate_per_account_region_and_operation() {
        gate.limit(Selector.operation("dynamodb", null), 1, 1);
        call("us-east-1", "dynamodb", "ListBackups");
        assertThatCode(() -> call("us-east-1", "dynamodb", "DescribeBackup")).doesNotThrowAnyException();
        assertThatCode(() -> call("eu-west-1", "dynamodb", "ListBackups")).doesNotThrowAnyException();
        assertThatCode(() -> gate.admit("222222222222", "us-east-1", "dynamodb", "ListBackups"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> call("us-east-1", "dynamodb", "ListBackups")).isInstanceOf(AwsError.class);
    }

    @Test
    void the_aws_profile_allows_ten_describe_continuous_backups_per_second() {
        gate.profile(LimitProfiles.AWS, 1.0);
        assertThat(admitted(30, "dynamodb", "DescribeContinuousBackups")).isEqualTo(10);
        assertThat(admitted(30, "dynamodb", "ListBackups")).isEqualTo(5);
        advance(Duration.ofSeconds(1));
        assertThat(admitted(30, "dynamodb", "DescribeContinuousBackups")).isEqualTo(10);
    }

    @Test
    void scale_multiplies_every_limit() {
        gate.profile(LimitProfiles.AWS, 10);
        assertThat(admitted(300, "dynamodb", "DescribeContinuousBackups")).isEqualTo(100);
        gate.limit(Selector.operation("backup", "ListBackupJobs"), 1, 1);
        assertThat(admitted(300, "backup", "ListBackupJobs")).isEqualTo(10);
    }

    @Test
    void the_most_specific_limit_wins_over_the_profile() {
        gate.profile(LimitProfiles.AWS, 1.0);
        gate.limit(new Selector(null, "ap-southeast-2", "dynamodb", "DescribeContinuousBackups"), 0.1, 1);
        call("ap-southeast-2", "dynamodb", "DescribeContinuousBackups");
        assertThatThrownBy(() -> call("ap-southeast-2", "dynamodb", "DescribeContinuousBackups"))
                .isInstanceOf(AwsError.class);
        advance(Duration.ofSeconds(9));
        assertThatThrownBy(() -> call("ap-southeast-2", "dynamodb", "DescribeContinuousBackups"))
                .isInstanceOf(AwsError.class);
        advance(Duration.ofSeconds(1));
        assertThatCode(() -> call("ap-southeast-2", "dynamodb", "DescribeContinuousBackups"))
                .doesNotThrowAnyException();
        assertThat(admitted(30, "dynamodb", "DescribeContinuousBackups")).isEqualTo(10);
    }

    @Test
    void each_service_throttles_with_its_own_error() {
        Selector all = Selector.ANY;
        gate.limit(all, 1, 1);
        for (String[] expect : new String[][]{{"dynamodb", "400", "ThrottlingException"},
                {"backup", "429", "ThrottlingException"}, {"tagging", "400", "ThrottledException"},
                {"sts", "400", "Throttling"}}) {
            call("us-east-1", expect[0], "Op");
            assertThatThrownBy(() -> call("us-east-1", expect[0], "Op")).isInstanceOfSatisfying(AwsError.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(Integer.parseInt(expect[1]));
                assertThat(e.code()).isEqualTo(expect[2]);
                assertThat(e.getMessage()).isEqualTo("Rate exceeded");
            });
        }
    }

    @Test
    void a_region_that_is_down_fails_every_call_as_unavailable_until_it_is_up() {
        gate.down(ACCT, "eu-west-1");
        assertThatThrownBy(() -> call("eu-west-1", "dynamodb", "ListTables"))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("ServiceUnavailable");
                });
        assertThatThrownBy(() -> call("eu-west-1", "backup", "ListBackupPlans"))
                .isInstanceOfSatisfying(AwsError.class, e -> assertThat(e.code()).isEqualTo("ServiceUnavailableException"));
        assertThatCode(() -> call("us-east-1", "dynamodb", "ListTables")).doesNotThrowAnyException();
        gate.up(Selector.region(ACCT, "eu-west-1"));
        assertThatCode(() -> call("eu-west-1", "dynamodb", "ListTables")).doesNotThrowAnyException();
    }

    @Test
    void a_whole_account_can_be_down() {
        gate.down("222222222222", null);
        assertThatThrownBy(() -> gate.admit("222222222222", "ap-southeast-2", "sts", "GetCallerIdentity"))
                .isInstanceOf(AwsError.class);
        assertThatCode(() -> call("ap-southeast-2", "sts", "GetCallerIdentity")).doesNotThrowAnyException();
    }

    @Test
    void denied_access_names_the_action() {
        gate.deny(ACCT, "backup");
        assertThatThrownBy(() -> call("us-east-1", "backup", "ListBackupPlans"))
                .isInstanceOfSatisfying(AwsError.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.code()).isEqualTo("AccessDeniedException");
                    assertThat(e.getMessage()).contains("backup:ListBackupPlans");
                });
        assertThatCode(() -> call("us-east-1", "dynamodb", "ListTables")).doesNotThrowAnyException();
    }

    @Test
    void an_error_rate_fails_about_that_share_of_calls_and_repeats_with_the_same_seed() {
        gate.errorRate(Selector.operation("dynamodb", null), 0.05);
        int failed = failures(4000);
        assertThat(failed).isBetween(120, 280);
        gate.clear();
        gate.errorRate(Selector.operation("dynamodb", null), 0.05);
        assertThat(failures(4000)).isEqualTo(failed);
    }

    private int failures(int calls) {
        int failed = 0;
        for (int i = 0; i < calls; i++) {
            try {
                call("us-east-1", "dynamodb", "DescribeTable");
            } catch (AwsError e) {
                assertThat(e.httpStatus()).isEqualTo(500);
                assertThat(e.code()).isEqualTo("InternalServerError");
                failed++;
            }
        }
        return failed;
    }

    @Test
    void error_rates_of_zero_and_one_never_and_always_fail() {
        gate.errorRate(Selector.operation("sts", null), 1);
        gate.errorRate(Selector.operation("tagging", null), 0);
        assertThatThrownBy(() -> call("us-east-1", "sts", "AssumeRole")).isInstanceOfSatisfying(AwsError.class,
                e -> assertThat(e.code()).isEqualTo("InternalFailure"));
        assertThat(admitted(100, "tagging", "GetResources")).isEqualTo(100);
    }

    @Test
    void latency_waits_the_fixed_part_plus_at_most_the_jitter() {
        gate.latency(Selector.operation("backup", null), Duration.ofMillis(20), Duration.ofMillis(10));
        for (int i = 0; i < 50; i++) {
            call("us-east-1", "backup", "ListRecoveryPointsByBackupVault");
        }
        call("us-east-1", "dynamodb", "ListTables");
        assertThat(slept).hasSize(50).allSatisfy(d -> assertThat(d)
                .isBetween(Duration.ofMillis(20), Duration.ofMillis(30)));
        assertThat(slept.stream().distinct().count()).isGreaterThan(1);
    }

    @Test
    void clear_removes_every_fault() {
        gate.limit(Selector.ANY, 1, 1);
        gate.down(ACCT, null);
        gate.clear();
        assertThat(admitted(100, "dynamodb", "ListTables")).isEqualTo(100);
        assertThat(gate.plan()).isEqualTo(FaultPlan.NONE);
    }

    @Test
    void selectors_parse_from_text_with_wildcards() {
        Selector s = Selector.parse("*/ap-southeast-2/dynamodb/DescribeContinuousBackups");
        assertThat(s).isEqualTo(new Selector(null, "ap-southeast-2", "dynamodb", "DescribeContinuousBackups"));
        assertThat(s.matches(ACCT, "ap-southeast-2", "dynamodb", "DescribeContinuousBackups")).isTrue();
        assertThat(s.matches(ACCT, "us-east-1", "dynamodb", "DescribeContinuousBackups")).isFalse();
        assertThat(Selector.parse("111111111111")).isEqualTo(Selector.account(ACCT));
        assertThatThrownBy(() -> Selector.parse("a/b/c/d/e")).isInstanceOf(IllegalArgumentException.class);
    }
}
