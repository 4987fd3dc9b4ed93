package io.backupsentinel.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.metrics.MetricsSettings;
import io.backupsentinel.metrics.SentinelMetrics;
import io.backupsentinel.testing.MutableClock;
import io.backupsentinel.testing.PrometheusText;
import io.backupsentinel.testing.RawHttp;
import io.backupsentinel.testing.SyntheticFleet;
import io.javalin.http.UnauthorizedResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The web app over real HTTP on a free port. */
class WebServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final SentinelMetrics metrics = new SentinelMetrics(MetricsSettings.defaults("1.2.3"),
            SyntheticFleet.recoveryTimes(), new MutableClock(NOW));
    private final AtomicReference<Reloader.Result> reload = new AtomicReference<>(new Reloader.Applied("12 rules loaded"));
    private AdminGuard guard = AdminGuard.loopbackOnly();
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        metrics.close();
    }

    @Test
    void metrics_are_served_as_prometheus_text_0_0_4() throws Exception {
        SyntheticFleet.of(10, NOW).feed(metrics);
        HttpResponse<String> r = get("/metrics");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                ct -> assertThat(ct).startsWith("text/plain").contains("version=0.0.4"));
        assertThat(PrometheusText.parse(r.body())).filteredOn(s -> s.name().equals("backup_sentinel_finding")).hasSize(120);
    }

    @Test
    void metrics_are_gzip_compressed_for_a_scraper_that_accepts_gzip() throws Exception {
        SyntheticFleet.of(10, NOW).feed(metrics);
        HttpResponse<byte[]> r = http.send(request("/metrics").header("Accept-Encoding", "gzip").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(r.headers().firstValue("Content-Encoding")).hasValue("gzip");
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(PrometheusText.parse(text)).anySatisfy(s -> assertThat(s.name()).isEqualTo("backup_sentinel_build_info"));
        }
    }

    @Test
    void healthy_answers_200_at_once() throws Exception {
        assertThat(get("/-/healthy").statusCode()).isEqualTo(200);
    }

    @Test
    void ready_answers_503_with_the_reason_until_the_first_evaluation_then_200() throws Exception {
        HttpResponse<String> before = get("/-/ready");
        assertThat(before.statusCode()).isEqualTo(503);
        assertThat(json(before).get("error").asText()).contains("first evaluation");

        server.ready();

        assertThat(get("/-/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void a_head_request_gets_the_status_and_headers_of_the_get_and_no_body() throws Exception {
        HttpResponse<String> notReady = head("/-/ready");
        assertThat(notReady.statusCode()).isEqualTo(503);
        assertThat(notReady.body()).isEmpty();

        server.ready();
        HttpResponse<String> get = get("/-/healthy");
        HttpResponse<String> head = head("/-/healthy");

        assertThat(head("/-/ready").statusCode()).isEqualTo(200);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).isEqualTo(get.headers().firstValue("Content-Type"));
        assertThat(head.headers().firstValue("Content-Length")).isEqualTo(get.headers().firstValue("Content-Length"));
        assertThat(head.body()).isEmpty();
    }

    @Test
    void an_applied_reload_answers_200_with_its_summary() throws Exception {
        HttpResponse<String> r = post("/-/reload", "");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("summary").asText()).isEqualTo("12 rules loaded");
    }

    @Test
    void a_rejected_reload_answers_400_listing_every_located_error() throws Exception {
        reload.set(new Reloader.Rejected(List.of("rules/a.yml:3:7: rule rpo: max_age '1x' is not a duration",
                "rules/b.yml:1:1: rule pitr: unknown check 'pitrr'")));
        HttpResponse<String> r = post("/-/reload", "");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("errors")).extracting(JsonNode::asText)
                .containsExactly("rules/a.yml:3:7: rule rpo: max_age '1x' is not a duration",
                        "rules/b.yml:1:1: rule pitr: unknown check 'pitrr'");
        assertThat(body.get("error").asText()).contains("previous rules stay active");
    }

    @Test
    void a_reload_with_a_body_is_malformed_and_answers_400_without_reloading() throws Exception {
        reload.set(null);
        HttpResponse<String> r = post("/-/reload", "{\"rules\": \"x\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).contains("takes no body");
    }

    @Test
    void the_admin_guard_can_refuse_a_reload_with_its_reason() throws Exception {
        guard = ctx -> {
            throw new UnauthorizedResponse("a bearer token is required");
        };
        HttpResponse<String> r = post("/-/reload", "");

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error").asText()).isEqualTo("a bearer token is required");
    }

    @Test
    void an_unknown_route_answers_404_with_a_reason() throws Exception {
        HttpResponse<String> r = get("/nothing-here");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("error").asText()).isNotBlank();
    }

    @Test
    void a_known_route_with_the_wrong_method_answers_405() throws Exception {
        assertThat(get("/-/reload").statusCode()).isEqualTo(405);
        assertThat(post("/metrics", "").statusCode()).isEqualTo(405);
    }

    @Test
    void a_405_lists_the_methods_the_path_supports_in_allow() throws Exception {
        HttpResponse<String> put = http.send(request("/-/healthy").header("Accept", "text/html").PUT(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> options = http.send(request("/-/reload").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, HEAD");
        assertThat(options.statusCode()).isEqualTo(405);
        assertThat(options.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void a_malformed_percent_escape_or_invalid_utf8_in_a_parameter_is_a_400_naming_it() throws Exception {
        start();
        RawHttp.Reply escape = new RawHttp(URI.create("http://127.0.0.1:" + server.port()))
                .send("GET", "/metrics?name=prod%zz", Map.of(), new byte[0]);
        HttpResponse<String> utf8 = get("/metrics?region=%E0%A4");
        HttpResponse<String> form = http.send(request("/-/reload").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=%zz")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(escape.status()).isEqualTo(400);
        assertThat(JSON.readTree(escape.body()).get("error").asText()).startsWith("name: ").contains("malformed percent-escape");
        assertThat(utf8.statusCode()).isEqualTo(400);
        assertThat(json(utf8).get("error").asText()).startsWith("region: ").contains("not UTF-8");
        assertThat(form.statusCode()).isEqualTo(400);
        assertThat(json(form).get("error").asText()).startsWith("csrf: ");
        assertThat(get("/metrics?name=a%20b+c&x=%C3%A9").statusCode()).isEqualTo(200);
    }

    @Test
    void a_malformed_request_line_answers_400_not_500() throws Exception {
        start();
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write("GET /%zz%%% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 400");
            // Jetty answers this one itself, before any route: still our headers and JSON, not its HTML page.
            assertThat(response).contains("Content-Security-Policy: default-src 'none'").contains("X-Frame-Options: DENY")
                    .contains("Content-Type: application/json")
                    .endsWith("{\"status\":400,\"error\":\"the path has a malformed percent-escape (% and two hex digits)\"}")
                    .doesNotContain("<html");
        }
    }

    @Test
    void a_path_jetty_refuses_answers_400_with_jettys_reason() throws Exception {
        start();
        RawHttp.Reply nul = new RawHttp(URI.create("http://127.0.0.1:" + server.port()))
                .send("GET", "/-/healthy%00", Map.of(), new byte[0]);

        assertThat(nul.status()).isEqualTo(400);
        assertThat(JSON.readTree(nul.body()).get("error").asText()).isEqualTo("the path is refused: Illegal character in path");
    }

    @Test
    void headers_too_large_for_jetty_answer_431_with_our_headers() throws Exception {
        start();
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 431").contains("Content-Security-Policy: default-src 'none'")
                    .contains("Cache-Control: no-store").endsWith("\"error\":\"Request Header Fields Too Large\"}");
        }
    }

    @Test
    void a_bug_in_a_handler_answers_500_with_a_generic_text_and_no_stack_trace() throws Exception {
        reload.set(null);
        HttpResponse<String> r = post("/-/reload", "");

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("internal error").doesNotContain("Exception").doesNotContain("at io.");
    }

    private void start() {
        if (server == null) {
            server = new WebServer(new WebSettings("127.0.0.1", 0, URI.create("http://localhost/")), metrics,
                    reload::get, guard).start();
        }
    }

    private HttpRequest.Builder request(String path) {
        start();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> head(String path) throws IOException, InterruptedException {
        return http.send(request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }
}
