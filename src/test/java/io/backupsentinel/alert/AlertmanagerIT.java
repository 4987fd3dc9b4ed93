package io.backupsentinel.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.testing.Alertmanagers;
import io.backupsentinel.testing.DebianProgram;
import io.backupsentinel.testing.PagerDutyReceiver;
import io.backupsentinel.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped {@code alerts/alertmanager.yml} in Debian's real Alertmanager, delivering to a PagerDuty-compatible
 * receiver that validates the Events API v2 schema. Skipped without Alertmanager, unless CI=true.
 */
class AlertmanagerIT {
    private static final Path SHIPPED = Alertmanagers.SHIPPED;
    private static final String KEY = "0123456789abcdef0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void amtool_accepts_the_shipped_config() throws Exception {
        Path amtool = DebianProgram.require("amtool", "prometheus-alertmanager");
        Process p = new ProcessBuilder(amtool.toString(), "check-config", SHIPPED.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("SUCCESS");
    }

    @Test
    void critical_alerts_page_once_per_table_and_account_and_resolve_through_alertmanager(@TempDir Path dir)
            throws Exception {
        try (PagerDutyReceiver pd = PagerDutyReceiver.start();
             ServerProcess am = Alertmanagers.start(dir, pd.eventsUrl(), KEY)) {
            URI api = am.api();

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
        }
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
}
