package io.backupsentinel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.metrics.SentinelMetrics;
import io.backupsentinel.report.period.ScenarioHistory;
import io.backupsentinel.rule.LoadResult;
import io.backupsentinel.store.HistoryStore;
import io.backupsentinel.testing.RawHttp;
import io.backupsentinel.web.AdminGuard;
import io.backupsentinel.web.Reloader;
import io.backupsentinel.web.ReportsHandler;
import io.backupsentinel.web.WebServer;
import io.backupsentinel.web.WebSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API and the CLI over one history, the daemon's store still open for writing: same bytes, and a
 * download verifies offline with {@code verify FILE}. Every bad parameter is a 400 with the reason.
 */
class ReportsApiIT {
    @TempDir
    static Path dir;
    static HistoryStore daemonStore;
    static WebServer server;
    static Path config;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PERIOD = "from=2026-10-01&to=2026-10-02";

    @BeforeAll
    static void start() throws IOException {
        Path data = Files.createDirectories(dir.resolve("data"));
        daemonStore = ScenarioHistory.write(data);
        LoadResult rules = RuleSource.load(Path.of("rules"));
        assertThat(rules.isValid()).isTrue();
        server = new WebServer(new WebSettings("127.0.0.1", 0, URI.create("http://localhost/")),
                new SentinelMetrics(io.backupsentinel.metrics.MetricsSettings.defaults("1.2.3"),
                        io.backupsentinel.testing.SyntheticFleet.recoveryTimes(), Clock.systemUTC()),
                () -> new Reloader.Applied("nothing"), AdminGuard.loopbackOnly(), null,
                new ReportsHandler(daemonStore.queries(), () -> RuleInfos.of(rules.ruleSet()), Clock.systemUTC(),
                        BuildInfo.version())).start();
        config = Files.writeString(dir.resolve("sentinel.yml"), "daemon:\n  data_dir: " + data + "\n");
    }

    @AfterAll
    static void stop() {
        server.close();
        daemonStore.close();
    }

    private static HttpResponse<byte[]> get(String query) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/reports?" + query))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<byte[]> head(String query) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/reports?" + query))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "csv", "pdf"})
    void the_api_and_the_cli_make_the_same_bytes_while_the_daemon_holds_the_history(String format) throws Exception {
        HttpResponse<byte[]> r = get(PERIOD + "&format=" + format);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"backup-report-20261001T000000Z-20261002T000000Z." + format + "\"");
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith(Map.of("json", "application/json", "csv", "text/csv", "pdf", "application/pdf").get(format));
        Path file = dir.resolve("cli." + format);
        CliRun run = CliRun.of("report", "--config", config.toString(), "--rules", "rules", "--from", "2026-10-01",
                "--to", "2026-10-02T00:00:00Z", "--format", format, "--output", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllBytes(file)).isEqualTo(r.body());
        // Located by its data directory instead of the config file, as verify --history does.
        Path byDir = dir.resolve("cli-dir." + format);
        CliRun direct = CliRun.of("report", "--data-dir", dir.resolve("data").toString(), "--rules", "rules", "--from",
                "2026-10-01", "--to", "2026-10-02T00:00:00Z", "--format", format, "--output", byDir.toString());
        assertThat(direct.exitCode()).as(direct.err()).isZero();
        assertThat(Files.readAllBytes(byDir)).isEqualTo(r.body());
    }

    @Test
    void the_cli_takes_one_place_for_the_history() {
        CliRun run = CliRun.of("report", "--config", config.toString(), "--data-dir", dir.resolve("data").toString(),
                "--from", "2026-10-01", "--to", "2026-10-02", "--format", "json", "--output", dir.resolve("y.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void a_downloaded_report_verifies_offline_and_one_changed_byte_is_named() throws Exception {
        byte[] body = get(PERIOD + "&format=json").body();
        Path file = Files.write(dir.resolve("download.json"), body);
        CliRun ok = CliRun.of("verify", file.toString());
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("OK, json report").contains("record 15 ");
        String text = new String(body, StandardCharsets.UTF_8);
        body[text.indexOf("\"ledger\"") + 1] = 'L';
        Files.write(file, body);
        CliRun altered = CliRun.of("verify", file.toString());
        assertThat(altered.exitCode()).isEqualTo(1);
        assertThat(altered.err()).contains("ALTERED").contains("section times was altered at line");
    }

    @Test
    void the_cli_refuses_a_period_that_ends_in_the_future() {
        CliRun run = CliRun.of("report", "--config", config.toString(), "--rules", "rules", "--from", "2026-10-01",
                "--to", "2999-01-01", "--format", "json", "--output", dir.resolve("x.json").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the period ends after now");
        assertThat(run.showsAStackTrace()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "from=2026-10-02&to=2026-10-01&format=json|is not before",
            "from=2026-10-01&to=2026-10-02&format=xml|unknown format",
            "from=yesterday&to=2026-10-02&format=json|from is not a date",
            "from=2026-10-01&format=json|to is required",
            "from=2026-09-01&to=2026-10-02&format=json|first available instant is 2026-09-20T00:00:00Z",
            "from=2026-10-01&to=2999-10-02&format=json|the period ends after now",
            "from=2026-10-01&to=2026-10-02&tag=<script>alert(1)</script>|tag must be KEY=VALUE",
            "from=2026-10-01&to=2026-10-02&account=%00%0A|account contains a control character",
            "from=2026-10-01&to=2026-10-02&tag=env=a&tag=env=b|given twice",
            "from=2026-13-01&to=2026-10-02|from is not a date",
            "from=2026-10-01&to=2026-10-02&to=2026-10-03|to: give it once, not 2 times",
            "from=2026-10-01&from=2026-10-01&to=2026-10-02|from: give it once",
            "from=2026-10-01&to=2026-10-02&format=csv&format=json|format: give it once",
            "from=2026-10-01T00:00:00Z%00&to=2026-10-02|from contains a control character",
            "from=2026-10-01&to=2026-10-02&account=%20|account must not be empty or blank",
            "from=2026-10-01&to=2026-10-02&region=eu%E2%80%AEwest|region contains a control character"})
    void every_bad_parameter_is_a_400_with_the_reason(String caseText) throws Exception {
        String[] parts = caseText.split("\\|");
        String query = parts[0].replace("<", URLEncoder.encode("<", StandardCharsets.UTF_8))
                .replace(">", URLEncoder.encode(">", StandardCharsets.UTF_8)).replace("(", "%28").replace(")", "%29");
        HttpResponse<byte[]> r = get(query);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.path("error").asText()).contains(parts[1]);
    }

    @Test
    void a_head_request_is_checked_as_the_get_is_and_gets_its_headers_without_a_body() throws Exception {
        HttpResponse<byte[]> get = get(PERIOD + "&format=csv");
        HttpResponse<byte[]> head = head(PERIOD + "&format=csv");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("Content-Disposition")).isEqualTo(get.headers().firstValue("Content-Disposition"));
        assertThat(head.body()).isEmpty();
        assertThat(head("from=2026-10-01&to=2026-10-02&format=bogus").statusCode()).isEqualTo(400);
        assertThat(head("from=2026-10-02&to=2026-10-01").statusCode()).isEqualTo(400);
        assertThat(head("from=2026-09-01&to=2026-10-02").statusCode()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rule=prod-rpo%zz", "account=%zz", "tag=%zz=1", "region=%E0%A4", "from=%zz"})
    void a_malformed_escape_or_invalid_utf8_is_a_400_naming_the_parameter_not_a_wider_report(String bad)
            throws Exception {
        String name = bad.substring(0, bad.indexOf('='));
        String query = name.equals("from") ? bad + "&to=2026-10-02" : PERIOD + "&" + bad;
        RawHttp.Reply r = new RawHttp(URI.create("http://127.0.0.1:" + server.port()))
                .send("GET", "/api/reports?" + query, Map.of(), new byte[0]);
        assertThat(r.status()).isEqualTo(400);
        assertThat(new ObjectMapper().readTree(r.body()).path("error").asText())
                .startsWith(name + ": the value has a malformed percent-escape (% and two hex digits) or is not UTF-8");
    }

    @Test
    void a_long_malicious_value_is_refused_without_echoing_all_of_it() throws Exception {
        String huge = "x".repeat(5000);
        HttpResponse<byte[]> r = get(PERIOD + "&rule=" + huge);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("longer than 256").doesNotContain(huge);
    }
}
