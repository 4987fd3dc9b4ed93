package io.backupsentinel.web.auth;

import io.backupsentinel.web.AdminGuard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Admin actions under a session cookie need the session's CSRF token and a same-origin request; headers on all. */
class CsrfAndHeadersTest {
    private AuthTestApp app = new AuthTestApp(AuthTestApp.users(true));

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void an_admin_post_with_a_session_cookie_but_no_token_is_refused_with_403() throws Exception {
        HttpResponse<String> r = app.send(reload(app.login("adam", AuthTestApp.ADMIN_PASSWORD)));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("CSRF token is missing");
    }

    @Test
    void an_admin_post_with_another_sessions_token_is_refused_with_403() throws Exception {
        String other = csrf(app.login("adam", AuthTestApp.ADMIN_PASSWORD));
        HttpResponse<String> r = app.send(reload(app.login("adam", AuthTestApp.ADMIN_PASSWORD))
                .header("X-CSRF-Token", other));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("not this session's");
    }

    @Test
    void an_admin_post_with_the_token_in_the_header_or_the_form_passes() throws Exception {
        String session = app.login("adam", AuthTestApp.ADMIN_PASSWORD);
        String token = csrf(session);
        HttpResponse<String> header = app.send(reload(session).header("X-CSRF-Token", token)
                .header("Origin", "http://127.0.0.1:" + app.port()).header("Sec-Fetch-Site", "same-origin"));
        HttpResponse<String> form = app.send(app.request("/-/reload").header("Cookie", "sentinel_session=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://localhost:9797") // the configured base_url's origin
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + token)));

        assertThat(header.statusCode()).as(header.body()).isEqualTo(200);
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}: {1} is refused")
    @CsvSource({"Origin, https://evil.example", "Origin, null", "Origin, http://127.0.0.1.evil.example",
            "Sec-Fetch-Site, cross-site", "Sec-Fetch-Site, same-site"})
    void an_admin_post_from_another_origin_is_refused_even_with_the_token(String header, String value)
            throws Exception {
        String session = app.login("adam", AuthTestApp.ADMIN_PASSWORD);
        HttpResponse<String> r = app.send(reload(session).header("X-CSRF-Token", csrf(session)).header(header, value));

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("cross-");
    }

    @Test
    void basic_and_bearer_requests_need_no_csrf_token_because_no_browser_sends_them_on_its_own() throws Exception {
        HttpResponse<String> basic = app.send(app.request("/-/reload").header("Authorization",
                AuthTestApp.basic("adam", AuthTestApp.ADMIN_PASSWORD)).POST(HttpRequest.BodyPublishers.noBody()));
        HttpResponse<String> bearer = app.send(app.request("/-/reload").header("Authorization",
                "Bearer " + AuthTestApp.ADMIN_TOKEN).POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(basic.statusCode()).isEqualTo(200);
        assertThat(bearer.statusCode()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0} answers {1} with every security header")
    @CsvSource({"/-/healthy, 200", "/metrics, 200", "/login, 200", "/api/reports, 401", "/nothing-here, 404",
            "/boom, 500"})
    void every_response_carries_the_security_headers(String path, int status) throws Exception {
        HttpResponse<String> r = app.send(app.request(path));

        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; style-src 'self';"
                + " script-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(r.headers().firstValue("Permissions-Policy")).isPresent();
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void pages_behind_a_login_are_not_stored_by_caches_but_assets_may_be() throws Exception {
        HttpResponse<String> page = app.send(app.request("/findings").header("Authorization",
                AuthTestApp.basic("vera", AuthTestApp.VIEWER_PASSWORD)));
        HttpResponse<String> asset = app.send(app.request("/assets/sentinel.css"));

        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(asset.headers().firstValue("Cache-Control")).isEmpty();
        assertThat(asset.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void behind_https_the_session_cookie_is_secure_and_host_only() throws Exception {
        app.close();
        app = new AuthTestApp(AuthTestApp.users(true), AdminGuard.loopbackOnly(), "127.0.0.1",
                URI.create("https://sentinel.example.com/"));
        AuthTestApp.Form form = formWithHostCookie();
        HttpResponse<String> r = app.send(app.request("/login").header("Content-Type",
                "application/x-www-form-urlencoded").header("Cookie", "__Host-sentinel_login=" + form.cookie())
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + form.token() + "&username=vera&password="
                        + AuthTestApp.VIEWER_PASSWORD)));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(AuthTestApp.setCookie(r, "__Host-sentinel_session")).contains("Secure", "HttpOnly", "Path=/")
                .doesNotContainIgnoringCase("Domain=");
    }

    private AuthTestApp.Form formWithHostCookie() throws Exception {
        HttpResponse<String> r = app.send(app.request("/login"));
        String token = r.body().replaceAll("(?s).*name=\"csrf\" value=\"([^\"]+)\".*", "$1");
        return new AuthTestApp.Form(token, AuthTestApp.cookie(r, "__Host-sentinel_login"));
    }

    private HttpRequest.Builder reload(String session) {
        return app.request("/-/reload").header("Cookie", "sentinel_session=" + session)
                .POST(HttpRequest.BodyPublishers.noBody());
    }

    private String csrf(String session) throws Exception {
        String body = app.send(app.request("/whoami").header("Cookie", "sentinel_session=" + session)).body();
        return body.replaceAll(".*\"csrf\":\"([^\"]+)\".*", "$1");
    }
}
