package io.backupsentinel.aws;

import io.backupsentinel.inventory.RequestKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RequestCountsTest {
    @Test
    void the_sdk_error_type_decides_the_outcome() {
        assertThat(RequestCounts.outcome(List.of())).isEqualTo("success");
        assertThat(RequestCounts.outcome(List.of("Throttling"))).isEqualTo("throttled");
        assertThat(RequestCounts.outcome(List.of("ServerError"))).isEqualTo("server_error");
        assertThat(RequestCounts.outcome(List.of("IO"))).isEqualTo("network_error");
        assertThat(RequestCounts.outcome(List.of("ConfiguredTimeout"))).isEqualTo("network_error");
        assertThat(RequestCounts.outcome(List.of("Other"), List.of(403))).isEqualTo("client_error");
        assertThat(RequestCounts.outcome(List.of("Other"))).isEqualTo("network_error");
    }

    @Test
    void counts_since_a_snapshot_leave_out_earlier_requests_and_reach_the_listener() {
        List<String> heard = new ArrayList<>();
        RequestCounts counts = new RequestCounts((s, op, outcome) -> heard.add(s + " " + op + " " + outcome));
        counts.record("DynamoDB", "ListTables", "success");
        Map<RequestKind, Long> before = counts.snapshot();
        counts.record("DynamoDB", "ListTables", "success");
        counts.record("DynamoDB", "DescribeContinuousBackups", "throttled");
        counts.record("DynamoDB", "DescribeContinuousBackups", "success");

        Map<RequestKind, Long> since = counts.since(before);
        assertThat(RequestCounts.byOperation(since)).isEqualTo(Map.of("ListTables", 1L, "DescribeContinuousBackups", 2L));
        assertThat(since).containsEntry(new RequestKind("DynamoDB", "DescribeContinuousBackups", "throttled"), 1L);
        assertThat(heard).contains("DynamoDB DescribeContinuousBackups throttled");
    }

    @Test
    void each_attempt_is_handed_out_once_as_unreported() {
        RequestCounts counts = new RequestCounts(AwsRequestListener.NONE);
        counts.record("STS", "GetCallerIdentity", "network_error");
        counts.record("STS", "GetCallerIdentity", "network_error");

        assertThat(counts.unreported()).isEqualTo(Map.of(new RequestKind("STS", "GetCallerIdentity", "network_error"), 2L));
        assertThat(counts.unreported()).isEmpty();
    }
}
