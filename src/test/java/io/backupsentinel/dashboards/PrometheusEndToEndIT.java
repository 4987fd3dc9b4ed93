package io.backupsentinel.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.metrics.MetricsSettings;
import io.backupsentinel.metrics.SentinelMetrics;
import io.backupsentinel.testing.DebianProgram;
import io.backupsentinel.testing.SyntheticFleet;
import io.backupsentinel.web.AdminGuard;
import io.backupsentinel.web.Reloader;
import io.backupsentinel.web.WebServer;
import io.backupsentinel.web.WebSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Prometheus (Debian's) scrapes the real web app serving a synthetic fleet, loads {@code alerts/},
 * and answers every dashboard query with data; the RPO alert goes pending, then firing, on that live data.
 */
class PrometheusEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @TempDir
    static Path dir;
    private static SentinelMetrics metrics;
    private static WebServer web;
    private static Process prometheus;
    private static String api;

    @BeforeAll
    static void start() throws Exception {
        Path binary = DebianProgram.require("prometheus", "prometheus");
        metrics = new SentinelMetrics(MetricsSettings.defaults("e2e"), SyntheticFleet.recoveryTimes(), Clock.systemUTC());
        SyntheticFleet.of(40, Instant.now()).feed(metrics);
        web = new WebServer(new WebSettings("127.0.0.1", 0, URI.create("http://localhost/")), metrics,
                () -> new Reloader.Applied("unchanged"), AdminGuard.loopbackOnly()).start();
        web.ready();

        // A copy of the shipped rules with every `for:` shortened to 5s, so the RPO alert goes from
        // pending to firing within seconds instead of a minute; the expressions are the shipped ones.
        String rules = Files.readString(Path.of("alerts", "backup-sentinel.rules.yml"))
                .replaceAll("(?m)^(\\s+for:) \\S+$", "$1 5s");
        Files.writeString(dir.resolve("rules.yml"), rules);
        Files.writeString(dir.resolve("prometheus.yml"), """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                rule_files: [rules.yml]
                scrape_configs:
                  - job_name: backup-sentinel
                    static_configs: [{targets: ['127.0.0.1:%d']}]
                """.formatted(web.port()));
        int port = freePort();
        api = "http://127.0.0.1:" + port + "/api/v1/";
        prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        // Three scrapes at least, so rate() and increase() over the dashboard's windows have two samples.
        await("Prometheus to scrape the daemon three times", () -> {
            JsonNode r = query("count_over_time(up{job=\"backup-sentinel\"}[5m])");
            return r.size() == 1 && r.get(0).path("value").get(1).asDouble() >= 3
                    && query("up{job=\"backup-sentinel\"} == 1").size() == 1;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            if (!prometheus.waitFor(30, TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
        }
        if (web != null) {
            web.close();
        }
        if (metrics != null) {
            metrics.close();
        }
    }

    @Test
    void every_dashboard_query_returns_data_without_error_from_the_real_prometheus() throws Exception {
        List<String> empty = new ArrayList<>();
        for (String expr : Dashboard.load().expressions()) {
            JsonNode result = query(Dashboard.substitute(expr));
            if (result.isEmpty()) {
                empty.add(expr);
            }
        }
        assertThat(empty).as("dashboard queries without data").isEmpty();
    }

    @Test
    void the_template_variables_find_the_fleets_accounts_regions_and_rules() throws Exception {
        assertThat(labelValues("account")).containsExactlyInAnyOrderElementsOf(SyntheticFleet.ACCOUNTS);
        assertThat(labelValues("region")).containsExactlyInAnyOrderElementsOf(SyntheticFleet.REGIONS);
        assertThat(labelValues("rule")).hasSize(SyntheticFleet.RULES.size());
    }

    @Test
    void the_rpo_alert_goes_pending_then_firing_for_the_breaching_table_with_its_labels() throws Exception {
        await("the RPO alert to fire", () -> alerts("firing").stream()
                .anyMatch(a -> a.path("labels").path("table").asText().equals("orders-00003")));

        JsonNode alert = alerts("firing").stream().filter(a -> a.path("labels").path("table").asText().equals("orders-00003"))
                .findFirst().orElseThrow();
        assertThat(alert.path("labels").path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("labels").path("rule").asText()).isEqualTo("rpo-24h");
        assertThat(alert.path("labels").path("account").asText()).isEqualTo("222222222222");
        assertThat(alert.path("annotations").path("runbook_url").asText()).isNotBlank();
        // Prometheus records every alert state in the ALERTS series: it was pending before it fired.
        assertThat(query("count_over_time(ALERTS{alertname=\"BackupSentinelRpoViolation\",alertstate=\"pending\","
                + "table=\"orders-00003\"}[10m])")).isNotEmpty();
        // Only the breaching tables alert (3, 23: PITR off and a 30-hour-old backup).
        assertThat(alerts("firing")).extracting(a -> a.path("labels").path("table").asText())
                .containsExactlyInAnyOrder("orders-00003", "orders-00023");
    }

    private static List<JsonNode> alerts(String state) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode a : get("alerts").path("data").path("alerts")) {
            if (a.path("labels").path("alertname").asText().equals("BackupSentinelRpoViolation")
                    && a.path("state").asText().equals(state)) {
                out.add(a);
            }
        }
        return out;
    }

    private static List<String> labelValues(String label) throws Exception {
        List<String> out = new ArrayList<>();
        get("label/" + label + "/values?match[]=" + URLEncoder.encode("backup_sentinel_findings", StandardCharsets.UTF_8))
                .path("data").forEach(v -> out.add(v.asText()));
        return out;
    }

    private static JsonNode query(String promql) throws Exception {
        JsonNode r = get("query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        assertThat(r.path("status").asText()).as(promql + ": " + r).isEqualTo("success");
        return r.path("data").path("result");
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    interface Probe {
        boolean ok() throws Exception;
    }

    private static void await(String what, Probe probe) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (probe.ok()) {
                    return;
                }
            } catch (IOException e) {
                last = e; // Prometheus not listening yet
            }
            if (!prometheus.isAlive()) {
                throw new AssertionError("prometheus exited: " + Files.readString(dir.resolve("prometheus.log")));
            }
            Thread.sleep(250);
        }
        throw new AssertionError("timed out waiting for " + what + "; prometheus log: "
                + Files.readString(dir.resolve("prometheus.log")), last);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

}
