package io.backupsentinel.aws;

import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.inventory.RequestKind;
import io.backupsentinel.model.Target;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real SDK against endpoints that fail the way networks and proxies do: one that accepts and never
 * answers, one that answers with bytes that are not HTTP, an HTML error page, throttling until the call
 * timeout, a refused connection. Each call ends within {@code call_timeout} plus a second, and the cause
 * names what came back.
 */
class CallFaultsIT {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
    /** The issue's bound: a call ends within call_timeout plus one second. */
    private static final Duration BOUND = CALL_TIMEOUT.plusSeconds(1);

    private static AwsSettings settings(URI endpoint) {
        AwsSettings d = AwsSettings.defaults();
        return new AwsSettings(List.of("us-east-1"), List.of(), d.sessionName(), d.rateLimits(), 4, CALL_TIMEOUT,
                d.attemptTimeout(), null, null).withEndpoint(endpoint, "AKIDFAULTTEST", "not-a-secret");
    }

    /** Makes {@code calls} ListTables calls through a warmed-up client and returns each failure's cause. */
    private static List<String> failedCalls(FaultyEndpoint endpoint, FaultyEndpoint.Mode mode, int calls)
            throws Exception {
        return failedCalls(endpoint.uri(), () -> endpoint.mode(mode), calls);
    }

    private static List<String> failedCalls(URI uri, Runnable breakIt, int calls) throws Exception {
        AwsSettings s = settings(uri);
        try (SdkClients clients = new SdkClients(s); Workers workers = new Workers(2)) {
            SdkClients.RegionClients region = clients.region("us-east-1", clients.baseCredentials(),
                    new RequestCounts(AwsRequestListener.NONE));
            SdkRegionApi api = region.api();
            Caller caller = new Caller(Pacer.real(s.rateLimits()), workers, s.callTimeout(), Duration.ZERO,
                    nanos -> { });
            warmUp(uri, api, caller);
            breakIt.run();
            List<String> causes = new java.util.ArrayList<>();
            for (int i = 0; i < calls; i++) {
                long start = System.nanoTime();
                Throwable failure = null;
                try {
                    caller.one("ListTables", () -> api.listTables(null));
                } catch (Caller.CallFailure e) {
                    failure = e;
                }
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(failure).as("call %d", i).isNotNull();
                assertThat(took).as("call %d took %s", i, took).isLessThanOrEqualTo(BOUND);
                causes.add(Causes.of("ListTables", failure));
            }
            return causes;
        }
    }

    /** The first call of a JVM loads the SDK's classes; the bound is about the endpoint, not class loading. */
    private static void warmUp(URI uri, SdkRegionApi api, Caller caller) {
        try {
            caller.one("ListTables", () -> api.listTables(null));
        } catch (Exception expectedWhereNothingAnswers) {
            // A refused port has no healthy mode; the failed call warms up just the same.
        }
    }

    @Test
    void each_call_to_an_endpoint_that_accepts_and_never_answers_ends_within_the_call_timeout() throws Exception {
        try (FaultyEndpoint endpoint = new FaultyEndpoint(FaultyEndpoint.Mode.HEALTHY)) {
            List<String> causes = failedCalls(endpoint, FaultyEndpoint.Mode.BLACK_HOLE, 3);

            assertThat(causes).allSatisfy(c -> assertThat(c).startsWith("ListTables: no answer within 2s (call_timeout)"));
        }
    }

    @Test
    void a_black_hole_makes_the_targets_facts_unknown_with_the_timeout_as_cause() throws Exception {
        try (FaultyEndpoint endpoint = new FaultyEndpoint(FaultyEndpoint.Mode.BLACK_HOLE);
             AwsCollector collector = new AwsCollector(settings(endpoint.uri()))) {
            RegionSnapshot s = collector.collect(new Target(FaultyEndpoint.ACCOUNT, "us-east-1"),
                    CollectionRequest.everything(Duration.ofDays(7)));

            assertThat(s.failure()).isEqualTo("ListTables: the first page failed 3 times: no answer within 2s"
                    + " (call_timeout) from " + endpoint.uri());
            assertThat(s.tables()).isEmpty();
            assertThat(s.requests()).containsEntry("ListTables", (long) Caller.PAGE_TRIES);
        }
    }

    @Test
    void an_unanswered_identity_call_is_made_once_and_its_cause_reaches_the_unknown_account() throws Exception {
        try (FaultyEndpoint endpoint = new FaultyEndpoint(FaultyEndpoint.Mode.BLACK_HOLE)) {
            endpoint.stsToo();
            try (AwsCollector collector = new AwsCollector(settings(endpoint.uri()))) {
                List<Target> targets = collector.targets();
                long start = System.nanoTime();
                RegionSnapshot s = collector.collect(targets.get(0), CollectionRequest.everything(Duration.ofDays(7)));
                Duration took = Duration.ofNanos(System.nanoTime() - start);

                assertThat(targets).containsExactly(new Target("unknown", "us-east-1"));
                assertThat(s.failure()).startsWith("GetCallerIdentity: no answer within 2s (call_timeout)");
                assertThat(took).as("no second GetCallerIdentity").isLessThan(Duration.ofSeconds(1));
                assertThat(s.requests()).containsEntry("GetCallerIdentity", 1L);
                assertThat(s.attempts()).containsEntry(new RequestKind("STS", "GetCallerIdentity", "network_error"), 1L);
            }
        }
    }

    @Test
    void an_answer_of_garbage_bytes_is_named_not_http() throws Exception {
        try (FaultyEndpoint endpoint = new FaultyEndpoint(FaultyEndpoint.Mode.HEALTHY)) {
            List<String> causes = failedCalls(endpoint, FaultyEndpoint.Mode.GARBAGE, 1);

            assertThat(causes.get(0)).isEqualTo("ListTables: not HTTP: the answer from " + endpoint.uri()
                    + " is not an HTTP response (after 4 attempts)");
        }
    }

    @Test
    void an_html_error_page_is_named_by_its_status_type_and_endpoint() throws Exception {
        try (FaultyEndpoint endpoint = new FaultyEndpoint(FaultyEndpoint.Mode.HEALTHY)) {
            List<String> causes = failedCalls(endpoint, FaultyEndpoint.Mode.HTML_500, 1);

            assertThat(causes.get(0)).isEqualTo("ListTables: HTTP 500 from " + endpoint.uri()
                    + " (text/html, not an AWS error) (after 4 attempts)");
        }
    }

    @Test
    void throttling_until_the_call_timeout_names_throttling_and_the_last_error_code() throws Exception {
        try (FaultyEndpoint endpoint = new FaultyEndpoint(FaultyEndpoint.Mode.HEALTHY)) {
            // The adaptive retry strategy's backoff after throttling outlasts 2s well before the 4th attempt.
            List<String> causes = failedCalls(endpoint, FaultyEndpoint.Mode.THROTTLE, 1);

            assertThat(causes.get(0)).matches("ListTables: ThrottlingException: Rate exceeded \\(after \\d attempts,"
                    + " last error code ThrottlingException, ended at call_timeout 2s\\)");
        }
    }

    @Test
    void a_refused_connection_names_the_endpoint() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        URI uri = URI.create("http://127.0.0.1:" + port);
        List<String> causes = failedCalls(uri, () -> { }, 1);

        assertThat(causes.get(0)).isEqualTo("ListTables: connection refused by " + uri + " (after 4 attempts)");
    }

    @Test
    void aws_requests_count_every_attempt_throttled_and_failed_ones_included() throws Exception {
        Map<String, LongAdder> heard = new ConcurrentHashMap<>();
        try (FaultyEndpoint endpoint = new FaultyEndpoint(FaultyEndpoint.Mode.THROTTLE);
             AwsCollector collector = new AwsCollector(settings(endpoint.uri()), (service, op, outcome) ->
                     heard.computeIfAbsent(service + " " + op + " " + outcome, k -> new LongAdder()).increment(),
                     Clock.systemUTC())) {
            RegionSnapshot s = collector.collect(new Target(FaultyEndpoint.ACCOUNT, "us-east-1"),
                    CollectionRequest.everything(Duration.ofDays(7)));

            long throttled = s.attempts().getOrDefault(new RequestKind("DynamoDB", "ListTables", "throttled"), 0L);
            assertThat(s.failure()).startsWith("ListTables: the first page failed 3 times: ThrottlingException");
            assertThat(throttled).isGreaterThanOrEqualTo(1);
            assertThat(s.requests()).containsEntry("ListTables", throttled);
            assertThat(s.requests()).containsEntry("GetCallerIdentity", 1L);
            assertThat(heard.get("DynamoDB ListTables throttled").sum()).isEqualTo(throttled);
            // Every request the endpoint read is counted: GetCallerIdentity and each throttled attempt.
            assertThat(endpoint.requests()).isEqualTo(throttled + 1);
        }
    }
}
