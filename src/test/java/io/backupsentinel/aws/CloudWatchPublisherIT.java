package io.backupsentinel.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.model.Status;
import io.backupsentinel.sandbox.cloudwatch.PublishedMetric;
import io.backupsentinel.testing.SandboxExtension;
import io.backupsentinel.testing.WorldBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link CloudWatchPublisher} against the sandbox's CloudWatch, over HTTP with the real SDK. */
class CloudWatchPublisherIT {
    private static final Instant AT = Instant.parse("2026-01-15T12:00:00Z");
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(WorldBuilder.create()::world);

    private static AwsSettings settings(URI endpoint) {
        AwsSettings d = AwsSettings.defaults();
        return new AwsSettings(List.of("eu-west-1"), List.of(), d.sessionName(), d.rateLimits(), 2,
                Duration.ofSeconds(5), Duration.ofSeconds(2), null, null).withEndpoint(endpoint, "AKIDCLOUDWATCH", "x");
    }

    @Test
    void counts_per_rule_and_the_worst_rpo_age_appear_in_the_sandbox() throws Exception {
        CloudWatchSettings cw = new CloudWatchSettings(true, "Sentinel/Test", null, Duration.ofMinutes(1));
        try (CloudWatchPublisher p = CloudWatchPublisher.open(settings(sandbox.endpoint()), cw)) {
            boolean ok = p.publish(Map.of("pitr-on", Map.of(Status.COMPLIANT, 4L, Status.NON_COMPLIANT, 1L)),
                    Duration.ofMinutes(90), AT);
            assertThat(ok).isTrue();
            assertThat(p.failures()).isZero();
        }

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.endpoint() + "/_sandbox/cloudwatch")).GET().build(), HttpResponse.BodyHandlers.ofString());
        JsonNode metrics = new ObjectMapper().readTree(r.body()).get("metrics");
        Map<String, Double> findings = new HashMap<>();
        JsonNode rpo = null;
        for (JsonNode m : metrics) {
            assertThat(m.get("namespace").asText()).isEqualTo("Sentinel/Test");
            assertThat(m.get("region").asText()).isEqualTo("eu-west-1");
            assertThat(m.get("timestamp").asText()).isEqualTo(AT.toString());
            if (m.get("name").asText().equals("Findings")) {
                assertThat(m.get("unit").asText()).isEqualTo("Count");
                assertThat(m.get("dimensions").get("Rule").asText()).isEqualTo("pitr-on");
                findings.put(m.get("dimensions").get("Status").asText(), m.get("value").asDouble());
            } else {
                rpo = m;
            }
        }
        // Every status is sent, zeros too, so an alarm sees a fixed breach drop to 0 rather than go missing.
        assertThat(findings).isEqualTo(Map.of("COMPLIANT", 4.0, "NON_COMPLIANT", 1.0, "UNKNOWN", 0.0, "EXEMPT", 0.0));
        assertThat(rpo).isNotNull();
        assertThat(rpo.get("name").asText()).isEqualTo("WorstEffectiveRpoAge");
        assertThat(rpo.get("unit").asText()).isEqualTo("Seconds");
        assertThat(rpo.get("value").asDouble()).isEqualTo(5400.0);
    }

    @Test
    void more_data_than_one_call_takes_are_sent_in_calls_of_at_most_a_thousand() {
        Map<String, Map<Status, Long>> counts = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            counts.put("rule-" + i, Map.of(Status.COMPLIANT, (long) i));
        }
        try (CloudWatchPublisher p = CloudWatchPublisher.open(settings(sandbox.endpoint()),
                CloudWatchSettings.defaults())) {
            assertThat(p.publish(counts, null, AT)).isTrue();
        }

        List<PublishedMetric> got = sandbox.running().cloudWatch().all();
        // 300 rules × 4 statuses: over the limit of one call (the sandbox refuses more than 1000 per call).
        assertThat(got).hasSize(1200).allMatch(m -> m.namespace().equals("BackupSentinel"))
                .noneMatch(m -> m.name().equals("WorstEffectiveRpoAge"));
    }

    @Test
    void an_unreachable_cloudwatch_is_counted_and_never_thrown() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (CloudWatchPublisher p = CloudWatchPublisher.open(settings(URI.create("http://127.0.0.1:" + port)),
                CloudWatchSettings.defaults())) {
            assertThat(p.publish(Map.of("pitr-on", Map.of(Status.COMPLIANT, 1L)), Duration.ZERO, AT)).isFalse();
            assertThat(p.publish(Map.of("pitr-on", Map.of(Status.COMPLIANT, 1L)), Duration.ZERO, AT)).isFalse();
            assertThat(p.failures()).isEqualTo(2);
        }
    }
}
