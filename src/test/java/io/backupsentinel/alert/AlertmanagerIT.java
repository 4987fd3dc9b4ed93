package io.backupsentinel.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.backupsentinel.testing.PagerDutyReceiver;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The shipped {@code alerts/alertmanager.yml} in Debian's real Alertmanager, delivering to a PagerDuty-compatible
 * receiver that validates the Events API v2 schema. Skipped without Alertmanager, unless CI=true.
 */
class AlertmanagerIT {
    private static final Path SHIPPED = Path.of("alerts", "alertmanager.yml");
    private static final Path ALERTMANAGER = Path.of("/usr/bin/prometheus-alertmanager");
    private static final Path AMTOOL = Path.of("/usr/bin/amtool");
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void requireOrSkip(Path binary) {
        if (Files.isExecutable(binary)) {
            return;
        }
        String why = binary + " is not installed (apt-get install -y prometheus-alertmanager)";
        if ("true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but " + why);
        }
        System.out.println("AlertmanagerIT skipped: " + why);
        Assumptions.abort(why);
    }

    @Test
    void amtool_accepts_the_shipped_config() throws Exception {
        requireOrSkip(AMTOOL);
        Process p = new ProcessBuilder(AMTOOL.toString(), "check-config", SHIPPED.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void critical_alerts_page_once_per_table_and_account_and_resolve_through_alertmanager(@TempDir Path dir)
            throws Exception {
        requireOrSkip(ALERTMANAGER);
        try (PagerDutyReceiver pd = PagerDutyReceiver.start()) {
            int port = freePort();
            Path config = testCopy(dir, pd.eventsUrl());
            Process am = new ProcessBuilder(ALERTMANAGER.toString(), "--config.file=" + config,
                    "--storage.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                    "--cluster.listen-address=").redirectErrorStream(true)
                    .redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
            try {
                URI api = URI.create("http://127.0.0.1:" + port);
                awaitReady(am, api, dir.resolve("alertmanager.log"));

                post(api, List.of(alert("111111111111", "orders", "critical", null),
                        alert("222222222222", "orders", "critical", null),
                        alert("111111111111", "users", "warning", null)));
                List<PagerDutyReceiver.Event> triggers = pd.awaitEvents(2, Duration.ofSeconds(60));

                assertThat(triggers).allSatisfy(e -> {
                    assertThat(e.action()).isEqualTo("trigger");
                    assertThat(e.routingKey()).isEqualTo(KEY);
                    assertThat(e.severity()).isEqualTo("critical");
                    assertThat(e.summary()).contains("orders", "prod-rpo");
                });
                assertThat(triggers).extracting(e -> e.detail("account"))
                        .containsExactlyInAnyOrder("111111111111", "222222222222");
                assertThat(triggers.get(0).dedupKey()).isNotEqualTo(triggers.get(1).dedupKey());
                String first = triggers.stream().filter(e -> e.detail("account").equals("111111111111"))
                        .findFirst().orElseThrow().dedupKey();

                post(api, List.of(alert("111111111111", "orders", "critical", Instant.now().minusSeconds(1))));
                List<PagerDutyReceiver.Event> all = pd.awaitEvents(3, Duration.ofSeconds(60));

                assertThat(all.get(2).action()).isEqualTo("resolve");
                assertThat(all.get(2).dedupKey()).isEqualTo(first);
                assertThat(pd.rejections()).isEmpty();
                assertThat(pd.events()).noneSatisfy(e -> assertThat(e.detail("table")).isEqualTo("users"));
            } finally {
                am.destroy();
                if (!am.waitFor(10, TimeUnit.SECONDS)) {
                    am.destroyForcibly();
                }
            }
        }
    }

    /** The shipped config, pointed at the receiver and a key file, with groups flushed every second. */
    private static Path testCopy(Path dir, URI eventsUrl) throws IOException {
        Path keyFile = Files.writeString(dir.resolve("routing-key"), KEY + "\n");
        ObjectNode config = (ObjectNode) YAML.readTree(SHIPPED.toFile());
        ((ObjectNode) config.get("route")).put("group_wait", "1s").put("group_interval", "1s");
        for (JsonNode receiver : config.get("receivers")) {
            if (receiver.has("pagerduty_configs")) {
                for (JsonNode pd : receiver.get("pagerduty_configs")) {
                    ((ObjectNode) pd).put("routing_key_file", keyFile.toString()).put("url", eventsUrl.toString());
                }
            }
        }
        Path copy = dir.resolve("alertmanager.yml");
        YAML.writeValue(copy.toFile(), config);
        return copy;
    }

    private static ObjectNode alert(String account, String table, String severity, Instant endsAt) {
        ObjectNode a = JSON.createObjectNode();
        a.putObject("labels").put("alertname", "BackupSentinelRpoViolation").put("rule", "prod-rpo")
                .put("check", "rpo").put("severity", severity).put("account", account).put("region", "us-east-1")
                .put("table", table);
        a.putObject("annotations").put("summary", "RPO breached on " + table)
                .put("description", "The newest restorable point is older than the rule allows.");
        a.put("startsAt", Instant.now().minusSeconds(120).toString());
        if (endsAt != null) {
            a.put("endsAt", endsAt.toString());
        }
        a.put("generatorURL", "http://prometheus.example/graph");
        return a;
    }

    private static void post(URI api, List<ObjectNode> alerts) throws Exception {
        ArrayNode body = JSON.createArrayNode().addAll(alerts);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.resolve("/api/v2/alerts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    private static void awaitReady(Process am, URI api, Path log) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!am.isAlive()) {
                throw new IllegalStateException("Alertmanager exited with " + am.exitValue() + ": " + Files.readString(log));
            }
            try {
                return http.send(HttpRequest.newBuilder(api.resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
