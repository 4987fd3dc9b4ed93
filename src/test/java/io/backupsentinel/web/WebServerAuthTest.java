package io.backupsentinel.web;

import io.backupsentinel.metrics.MetricsSettings;
import io.backupsentinel.metrics.SentinelMetrics;
import io.backupsentinel.testing.MutableClock;
import io.backupsentinel.testing.SyntheticFleet;
import io.backupsentinel.web.auth.AuthSettings;
import io.backupsentinel.web.auth.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The daemon's own server with users configured: its routes go through the same gate and headers. */
class WebServerAuthTest {
    private static final String TOKEN = "prometheus-scrape-token-0123456789abcdefghij";
    private final HttpClient http = HttpClient.newHttpClient();
    private final SentinelMetrics metrics = new SentinelMetrics(MetricsSettings.defaults("1.2.3"),
            SyntheticFleet.recoveryTimes(), new MutableClock(NOW));
    private WebServer server;

    @AfterEach
    void stop() {
        server.close();
        metrics.close();
    }

    private void start(boolean metricsPublic) {
        AuthSettings auth = new AuthSettings(List.of(new AuthSettings.User("adam", AuthSettings.Role.ADMIN,
                Secrets.hashPassword("admin-pw", 4))), List.of(new AuthSettings.ApiToken("prometheus",
                AuthSettings.Role.VIEWER, Secrets.sha256(TOKEN))), metricsPublic, AuthSettings.DEFAULT_SESSION_TTL,
                AuthSettings.SecureCookies.AUTO, null);
        server = new WebServer(new WebSettings("127.0.0.1", 0, URI.create("http://localhost/"), auth), metrics,
                () -> new Reloader.Applied("12 rules loaded"), AdminGuard.loopbackOnly()).start();
    }

    @Test
    void with_users_a_reload_from_the_machine_itself_still_needs_an_admin() throws Exception {
        start(true);
        HttpResponse<String> anonymous = send(post("/-/reload"));
        HttpResponse<String> admin = send(post("/-/reload").header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString("adam:admin-pw".getBytes(StandardCharsets.UTF_8))));
        HttpResponse<String> viewerToken = send(post("/-/reload").header("Authorization", "Bearer " + TOKEN));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(viewerToken.statusCode()).isEqualTo(403);
    }

    @Test
    void protected_metrics_need_a_viewer_and_a_scraper_can_send_a_bearer_token() throws Exception {
        start(false);
        HttpResponse<String> anonymous = send(request("/metrics"));
        HttpResponse<String> scraper = send(request("/metrics").header("Authorization", "Bearer " + TOKEN));

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(scraper.body()).contains("backup_sentinel_build_info");
        assertThat(scraper.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(scraper.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void health_stays_open_and_the_login_form_is_served() throws Exception {
        start(false);

        assertThat(send(request("/-/healthy")).statusCode()).isEqualTo(200);
        assertThat(send(request("/login")).body()).contains("<form method=\"post\" action=\"/login\">");
    }

    @Test
    void a_head_request_is_let_through_or_refused_as_its_get_would_be() throws Exception {
        start(false);

        assertThat(send(head("/-/healthy")).statusCode()).isEqualTo(200);
        assertThat(send(head("/-/ready")).statusCode()).isEqualTo(503);
        assertThat(send(head("/login")).statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = send(head("/metrics"));
        assertThat(metrics.statusCode()).isEqualTo(401);
        assertThat(metrics.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(send(head("/metrics").header("Authorization", "Bearer " + TOKEN)).statusCode()).isEqualTo(200);
    }

    @Test
    void a_logged_in_admin_session_must_send_the_csrf_token_to_reload() throws Exception {
        start(true);
        HttpResponse<String> form = send(request("/login"));
        String loginCookie = form.headers().allValues("Set-Cookie").get(0).split(";")[0];
        String loginToken = form.body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        HttpResponse<String> login = send(request("/login").header("Cookie", loginCookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(
                        "csrf=" + loginToken + "&username=adam&password=admin-pw")));
        String session = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("sentinel_session="))
                .findFirst().orElseThrow().split(";")[0];
        HttpResponse<String> without = send(post("/-/reload").header("Cookie", session));

        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(without.statusCode()).isEqualTo(403);
    }

    @Test
    void reload_accepts_a_form_body_holding_only_the_csrf_token_and_refuses_any_other_body() throws Exception {
        start(true);
        String admin = "Basic " + Base64.getEncoder().encodeToString("adam:admin-pw".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> token = send(request("/-/reload").header("Authorization", admin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=abc")));
        HttpResponse<String> more = send(request("/-/reload").header("Authorization", admin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("csrf=abc&rules=x")));

        assertThat(token.statusCode()).isEqualTo(200);
        assertThat(more.statusCode()).isEqualTo(400);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    private HttpRequest.Builder head(String path) {
        return request(path).method("HEAD", HttpRequest.BodyPublishers.noBody());
    }

    private HttpRequest.Builder post(String path) {
        return request(path).POST(HttpRequest.BodyPublishers.noBody());
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
