package io.backupsentinel.e2e;

import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.testing.AwsEndpoint;
import io.backupsentinel.testing.FreePort;
import io.backupsentinel.testing.PagerDutyReceiver;
import io.backupsentinel.testing.PagerDutyReceiver.Event;
import io.backupsentinel.testing.PrometheusText;
import io.backupsentinel.testing.SentinelDaemon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native PagerDuty path end to end: the packaged daemon against the sandbox pages a strict Events API v2
 * receiver when the table's newest backup passes its 2-minute RPO, at the deadline and without calling AWS, and
 * resolves the incident once a backup made through the real AWS SDK is seen by the daemon's 5 s re-check.
 */
class PagerDutyEndToEndIT {
    static final Path SCENARIO = Path.of("src/test/resources/e2e/scenario.yml");
    static final Path RULES = Path.of("src/test/resources/e2e/rules");
    static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";
    static final Duration RPO = Duration.ofMinutes(2);

    @Test
    void the_daemon_pages_at_the_rpo_deadline_and_resolves_after_a_fresh_backup(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        try (Sandbox sandbox = Sandbox.start(SCENARIO, 0); PagerDutyReceiver pd = PagerDutyReceiver.start()) {
            URI aws = URI.create(sandbox.endpoint());
            int webPort = FreePort.find();
            Path config = SentinelDaemon.writeConfig(dir, RULES, webPort, pd.eventsUrl());
            Instant deadline = newestBackup(aws).plus(RPO);
            try (SentinelDaemon daemon = SentinelDaemon.start(config, aws, dir.resolve("daemon.log"))) {
                daemon.awaitReady(webPort, Duration.ofSeconds(90));
                assertThat(pd.events()).as("nothing pages before the deadline").isEmpty();
                double requestsBefore = awsRequests(webPort);

                Event trigger = pd.awaitEvents(1, Duration.ofSeconds(120)).get(0);
                double requestsAtTrigger = awsRequests(webPort);

                System.out.printf("PagerDutyEndToEndIT: trigger received %d ms after the RPO deadline%n",
                        Duration.between(deadline, trigger.receivedAt()).toMillis());
                assertThat(trigger.action()).isEqualTo("trigger");
                assertThat(trigger.receivedAt()).isAfterOrEqualTo(deadline)
                        .isBefore(deadline.plusSeconds(30));
                assertThat(requestsAtTrigger).as("the breach is found from the facts held, not a new collection")
                        .isEqualTo(requestsBefore);
                assertThat(trigger.routingKey()).isEqualTo(SentinelDaemon.ROUTING_KEY);
                assertThat(trigger.dedupKey()).contains("e2e", "e2e-rpo", TABLE_ARN);
                assertThat(trigger.summary()).contains("orders", "e2e-rpo");
                assertThat(trigger.severity()).isEqualTo("critical");

                try (DynamoDbClient dynamo = AwsEndpoint.at(aws).dynamo()) {
                    dynamo.createBackup(b -> b.tableName("orders").backupName("e2e-fix"));
                }
                List<Event> events = pd.awaitEvents(2, Duration.ofSeconds(60));

                assertThat(events).extracting(Event::action).containsExactly("trigger", "resolve");
                assertThat(events.get(1).dedupKey()).isEqualTo(trigger.dedupKey());
                assertThat(pd.rejections()).as("every event valid for Events API v2").isEmpty();
                daemon.assertAlive();
            }
        }
    }

    /** When the sandbox table's newest backup was made, asked through the real SDK. */
    static Instant newestBackup(URI aws) {
        try (DynamoDbClient dynamo = AwsEndpoint.at(aws).dynamo()) {
            return dynamo.listBackups(b -> b.tableName("orders")).backupSummaries().stream()
                    .map(s -> s.backupCreationDateTime()).max(Instant::compareTo).orElseThrow();
        }
    }

    /** Every AWS request the daemon has made so far, from its /metrics. */
    private static double awsRequests(int webPort) throws Exception {
        String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + webPort + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return PrometheusText.parse(text).stream().filter(s -> s.name().equals("backup_sentinel_aws_requests_total"))
                .mapToDouble(PrometheusText.Sample::value).sum();
    }
}
