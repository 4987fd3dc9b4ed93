package io.backupsentinel.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.backupsentinel.dashboards.Dashboard;
import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.testing.Alertmanagers;
import io.backupsentinel.testing.DebianProgram;
import io.backupsentinel.testing.FreePort;
import io.backupsentinel.testing.PagerDutyReceiver;
import io.backupsentinel.testing.PagerDutyReceiver.Event;
import io.backupsentinel.testing.Prometheuses;
import io.backupsentinel.testing.SentinelDaemon;
import io.backupsentinel.testing.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The monitoring path end to end, with Debian's Prometheus and Alertmanager: Prometheus scrapes the packaged
 * daemon running against the sandbox; every query of {@code dashboards/backup-sentinel.json} (variables on "All")
 * and every template variable returns data without error; the shipped RPO alert goes pending, then firing on the
 * live breach; Alertmanager, with the shipped config, delivers it as a valid Events API v2 trigger. The alert
 * rules are a copy of {@code alerts/backup-sentinel.rules.yml} whose RPO alert waits 10 s instead of 1 m
 * ({@code for:}), so the test does not wait a minute more. Skipped without the Debian packages, unless CI=true.
 */
class PrometheusEndToEndIT {
    private static final Path RULES = Path.of("alerts", "backup-sentinel.rules.yml");
    private static final String RPO_ALERT = "BackupSentinelRpoViolation";
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void prometheus_scrapes_the_daemon_the_dashboard_has_data_and_the_rpo_alert_pages_through_alertmanager(
            @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path dir) throws Exception {
        DebianProgram.require("prometheus", "prometheus");
        DebianProgram.require("prometheus-alertmanager", "prometheus-alertmanager");
        try (Sandbox sandbox = Sandbox.start(PagerDutyEndToEndIT.SCENARIO, 0);
             PagerDutyReceiver pd = PagerDutyReceiver.start();
             ServerProcess alertmanager = Alertmanagers.start(dir, pd.eventsUrl(), SentinelDaemon.ROUTING_KEY)) {
            URI aws = URI.create(sandbox.endpoint());
            throttleSts(aws);
            int webPort = FreePort.find();
            Path config = SentinelDaemon.writeConfig(dir, PagerDutyEndToEndIT.RULES, webPort, null);
            try (SentinelDaemon daemon = SentinelDaemon.start(config, aws, dir.resolve("daemon.log"));
                 ServerProcess prometheus = Prometheuses.start(dir, "127.0.0.1:" + webPort, rulesForTest(dir),
                         alertmanager.api())) {
                daemon.awaitReady(webPort, Duration.ofSeconds(90));

                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    daemon.assertAlive();
                    assertThat(emptyOrFailedQueries(prometheus)).as("dashboard queries without data").isEmpty();
                });
                assertThat(emptyVariables(prometheus)).as("template variables without values").isEmpty();

                List<String> states = new ArrayList<>();
                await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(250)).until(() -> {
                    daemon.assertAlive();
                    for (JsonNode a : Prometheuses.alerts(prometheus).path("data").path("alerts")) {
                        String state = a.path("state").asText();
                        if (RPO_ALERT.equals(a.path("labels").path("alertname").asText())
                                && (states.isEmpty() || !states.get(states.size() - 1).equals(state))) {
                            states.add(state);
                            assertThat(a.path("labels").path("table").asText()).isEqualTo("orders");
                        }
                    }
                    return states.contains("firing");
                });
                assertThat(states).as("the RPO alert's states").containsExactly("pending", "firing");

                Event page = pd.awaitEvents(1, Duration.ofSeconds(60)).get(0);
                assertThat(page.action()).isEqualTo("trigger");
                assertThat(page.routingKey()).isEqualTo(SentinelDaemon.ROUTING_KEY);
                assertThat(page.summary()).contains(RPO_ALERT, "orders", "e2e-rpo");
                assertThat(page.detail("table")).isEqualTo("orders");
                assertThat(page.detail("check")).isEqualTo("rpo");
                assertThat(pd.rejections()).as("every event valid for Events API v2").isEmpty();
            }
        }
    }

    /** Each dashboard query, as Grafana sends it with every variable on "All", that fails or returns nothing. */
    private static List<String> emptyOrFailedQueries(ServerProcess prometheus) throws Exception {
        List<String> bad = new ArrayList<>();
        for (String expr : Dashboard.load().expressions()) {
            String promql = Dashboard.substitute(expr);
            JsonNode answer = Prometheuses.query(prometheus, promql);
            if (!"success".equals(answer.path("status").asText())) {
                bad.add(promql + " -> " + answer.path("error").asText());
            } else if (answer.path("data").path("result").isEmpty()) {
                bad.add(promql + " -> no data");
            }
        }
        return bad;
    }

    /** Each {@code label_values(SELECTOR, LABEL)} template variable that lists no value. */
    private static Set<String> emptyVariables(ServerProcess prometheus) throws Exception {
        Set<String> bad = new TreeSet<>();
        for (JsonNode v : Dashboard.load().json().path("templating").path("list")) {
            Matcher m = LABEL_VALUES.matcher(v.path("query").path("query").asText(v.path("query").asText()));
            if (m.matches()) {
                JsonNode values = Prometheuses.labelValues(prometheus, m.group(2), Dashboard.substitute(m.group(1)));
                if (!"success".equals(values.path("status").asText()) || values.path("data").isEmpty()) {
                    bad.add(v.path("name").asText() + ": " + values);
                }
            }
        }
        return bad;
    }

    /** The shipped alert rules with the RPO alert's {@code for:} shortened from 1m to 10s. */
    private static Path rulesForTest(Path dir) throws Exception {
        ObjectNode rules = (ObjectNode) YAML.readTree(RULES.toFile());
        boolean found = false;
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (RPO_ALERT.equals(rule.path("alert").asText())) {
                    ((ObjectNode) rule).put("for", "10s");
                    found = true;
                }
            }
        }
        assertThat(found).as(RPO_ALERT + " in " + RULES).isTrue();
        Path copy = dir.resolve("backup-sentinel.rules.yml");
        YAML.writeValue(copy.toFile(), rules);
        return copy;
    }

    /**
     * STS at one call a second in the sandbox: the daemon's back-to-back GetCallerIdentity calls are throttled
     * and retried, so the dashboard's throttling panel has a series (the daemon's own pacing stays below AWS's
     * real limits, which the sandbox does not apply unless told).
     */
    private static void throttleSts(URI aws) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(aws.resolve("/_sandbox/faults"))
                .header("Content-Type", "application/yaml")
                .PUT(HttpRequest.BodyPublishers.ofString("limits:\n  - {service: sts, rate: 1, burst: 1}\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 204);
    }
}
