package io.backupsentinel.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's Prometheus run by a test: scraping given targets every second, evaluating rule files every second and
 * sending alerts to an Alertmanager; and its HTTP API as the tests read it.
 */
public final class Prometheuses {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Prometheuses() {
    }

    /**
     * Starts {@code prometheus} on a free port scraping {@code target} (host:port) as job {@code backup-sentinel},
     * which the shipped alerting rules name; skips (fails on CI) when the package is not installed.
     */
    public static ServerProcess start(Path dir, String target, Path ruleFile, URI alertmanager) throws IOException {
        Path binary = DebianProgram.require("prometheus", "prometheus");
        Path config = Files.writeString(dir.resolve("prometheus.yml"), """
                global: {scrape_interval: 1s, evaluation_interval: 1s}
                rule_files: ['%s']
                alerting:
                  alertmanagers:
                    - static_configs: [{targets: ['%s']}]
                scrape_configs:
                  - job_name: backup-sentinel
                    static_configs: [{targets: ['%s']}]
                """.formatted(ruleFile.toAbsolutePath(), alertmanager.getAuthority(), target));
        int port = FreePort.find();
        return ServerProcess.start(List.of(binary.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("prometheus-data"), "--web.listen-address=127.0.0.1:" + port),
                port, dir.resolve("prometheus.log"), Duration.ofSeconds(60));
    }

    /** {@code GET /api/v1/query}: the whole answer ({@code status}, {@code data.result}, {@code error}). */
    public static JsonNode query(ServerProcess prometheus, String promql) throws IOException, InterruptedException {
        return get(prometheus, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** {@code GET /api/v1/label/NAME/values?match[]=SELECTOR}: what a Grafana {@code label_values} variable lists. */
    public static JsonNode labelValues(ServerProcess prometheus, String label, String selector)
            throws IOException, InterruptedException {
        return get(prometheus, "/api/v1/label/" + label + "/values?match[]="
                + URLEncoder.encode(selector, StandardCharsets.UTF_8));
    }

    /** {@code GET /api/v1/alerts}: the alerts pending or firing now ({@code data.alerts[]}, each with a state). */
    public static JsonNode alerts(ServerProcess prometheus) throws IOException, InterruptedException {
        return get(prometheus, "/api/v1/alerts");
    }

    private static JsonNode get(ServerProcess prometheus, String pathAndQuery)
            throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(prometheus.api() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
