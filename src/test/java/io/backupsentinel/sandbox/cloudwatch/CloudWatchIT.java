package io.backupsentinel.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.testing.AwsEndpoint;
import io.backupsentinel.testing.SandboxExtension;
import io.backupsentinel.testing.WorldBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox's CloudWatch PutMetricData, called with the real SDK client (awsQuery) and with raw HTTP. */
class CloudWatchIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final WorldBuilder world = WorldBuilder.create();
    @RegisterExtension
    final SandboxExtension sandbox = new SandboxExtension(world::world);

    private CloudWatchClient client() {
        return CloudWatchClient.builder().endpointOverride(sandbox.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(AwsEndpoint.OWN_KEYS).build();
    }

    private JsonNode published() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/_sandbox/cloudwatch")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).get("metrics");
    }

    @Test
    void put_metric_data_from_the_sdk_is_kept_with_its_namespace_dimensions_value_unit_and_time() throws Exception {
        Instant at = Instant.parse("2026-01-15T12:00:00Z");
        try (CloudWatchClient cw = client()) {
            cw.putMetricData(b -> b.namespace("BackupSentinel").metricData(MetricDatum.builder()
                    .metricName("Findings").value(3.0).unit(StandardUnit.COUNT).timestamp(at)
                    .dimensions(Dimension.builder().name("Rule").value("pitr-on").build(),
                            Dimension.builder().name("Status").value("NON_COMPLIANT").build()).build()));
        }

        JsonNode m = published().get(0);
        assertThat(published()).hasSize(1);
        assertThat(m.get("namespace").asText()).isEqualTo("BackupSentinel");
        assertThat(m.get("name").asText()).isEqualTo("Findings");
        assertThat(m.get("value").asDouble()).isEqualTo(3.0);
        assertThat(m.get("unit").asText()).isEqualTo("Count");
        assertThat(m.get("timestamp").asText()).isEqualTo("2026-01-15T12:00:00Z");
        assertThat(m.get("region").asText()).isEqualTo("us-east-1");
        assertThat(JSON.convertValue(m.get("dimensions"), Map.class))
                .isEqualTo(Map.of("Rule", "pitr-on", "Status", "NON_COMPLIANT"));
    }

    @Test
    void a_thousand_data_in_one_call_arrive_although_the_sdk_gzips_so_large_a_body() throws Exception {
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            data.add(MetricDatum.builder().metricName("Findings").value((double) i).unit(StandardUnit.COUNT)
                    .dimensions(Dimension.builder().name("Rule").value("rule-" + i).build()).build());
        }
        try (CloudWatchClient cw = client()) {
            cw.putMetricData(b -> b.namespace("BackupSentinel").metricData(data));
        }

        assertThat(sandbox.running().cloudWatch().all()).hasSize(1000)
                .extracting(PublishedMetric::value).contains(0.0, 999.0);
    }

    @Test
    void more_than_a_thousand_data_are_refused_like_cloudwatch_does() {
        List<MetricDatum> data = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            data.add(MetricDatum.builder().metricName("M").value(1.0).build());
        }
        try (CloudWatchClient cw = client()) {
            assertThatThrownBy(() -> cw.putMetricData(b -> b.namespace("BackupSentinel").metricData(data)))
                    .isInstanceOfSatisfying(CloudWatchException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    });
        }
        assertThat(sandbox.running().cloudWatch().all()).isEmpty();
    }

    @Test
    void a_datum_whose_value_is_not_a_number_gets_a_400_in_the_query_error_shape() throws Exception {
        String body = "Action=PutMetricData&Version=2010-08-01&Namespace=BackupSentinel"
                + "&MetricData.member.1.MetricName=Findings&MetricData.member.1.Value=lots";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox.endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + Sandbox.ACCESS_KEY
                        + "/20260115/us-east-1/monitoring/aws4_request, SignedHeaders=host, Signature=00")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).startsWith("<ErrorResponse").contains("<Code>InvalidParameterValue</Code>")
                .contains("MetricData.member.1.Value");
        assertThat(sandbox.running().cloudWatch().all()).isEmpty();
    }

    @Test
    void a_request_without_a_namespace_is_refused_by_the_sdk_client_with_missing_parameter() {
        try (CloudWatchClient cw = client()) {
            assertThatThrownBy(() -> cw.putMetricData(b -> b.metricData(MetricDatum.builder().metricName("M")
                    .value(1.0).build())))
                    .isInstanceOfSatisfying(CloudWatchException.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter"));
        }
    }
}
