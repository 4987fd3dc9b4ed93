package io.backupsentinel.aws;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenBucketTest {
    private long now = 1_000_000_000L;

    @Test
    void the_first_call_goes_out_at_once_and_the_next_waits_one_interval() {
        TokenBucket bucket = new TokenBucket(10, 1, () -> now);

        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isEqualTo(100_000_000L);
    }

    @Test
    void callers_queue_up_one_interval_apart() {
        TokenBucket bucket = new TokenBucket(5, 1, () -> now);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            waits.add(bucket.reserve());
        }
        assertThat(waits).containsExactly(0L, 200_000_000L, 400_000_000L, 600_000_000L);
    }

    @Test
    void calls_spaced_at_the_rate_never_wait() {
        TokenBucket bucket = new TokenBucket(10, 1, () -> now);
        for (int i = 0; i < 50; i++) {
            assertThat(bucket.reserve()).isZero();
            now += 100_000_000L;
        }
    }

    @Test
    void idle_time_saves_no_more_than_the_burst() {
        TokenBucket bucket = new TokenBucket(10, 3, () -> now);
        bucket.reserve();
        now += 60_000_000_000L;

        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isZero();
        assertThat(bucket.reserve()).isEqualTo(100_000_000L);
    }

    @Test
    void a_rate_of_zero_is_refused() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, () -> now)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_pacer_keeps_one_bucket_per_operation_at_its_scaled_rate() throws InterruptedException {
        List<Long> slept = new ArrayList<>();
        Pacer pacer = new Pacer(new AwsSettings.RateLimits(java.util.Map.of("ListBackups", 2.0), 0.5),
                () -> now, slept::add);

        pacer.acquire("ListBackups");
        pacer.acquire("ListBackups");
        pacer.acquire("DescribeContinuousBackups");
        pacer.acquire("DescribeContinuousBackups");

        // ListBackups 2/s × 0.5 = 1/s; DescribeContinuousBackups 10/s × 0.5 = 5/s; each bucket on its own.
        assertThat(slept).containsExactly(1_000_000_000L, 200_000_000L);
    }

    @Test
    void a_call_whose_slot_comes_after_its_budget_is_refused_and_takes_no_slot() {
        long[] now = {0};
        TokenBucket bucket = new TokenBucket(10, 1, () -> now[0]);
        assertThat(bucket.reserve(50_000_000L)).isZero();

        assertThat(bucket.reserve(50_000_000L)).isEqualTo(-1);
        assertThat(bucket.reserve(100_000_000L)).isEqualTo(100_000_000L);
    }

    @Test
    void the_pacer_refuses_at_once_a_call_its_rate_would_hold_past_the_call_timeout() throws Exception {
        Pacer pacer = new Pacer(new AwsSettings.RateLimits(java.util.Map.of(), 1e-9), () -> 0L, nanos -> {
            throw new AssertionError("a refused call must not wait");
        });
        pacer.acquire("ListTables", java.time.Duration.ofSeconds(30));

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> pacer.acquire("ListTables", java.time.Duration.ofSeconds(30)))
                .isInstanceOf(Pacer.Refused.class)
                .hasMessageContaining("would hold it past aws.call_timeout (30s)");
    }
}
