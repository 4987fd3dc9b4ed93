package io.backupsentinel.web.auth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The login form, sessions and logout, and the login rate limit, over real HTTP. */
class LoginTest {
    private final AuthTestApp app = new AuthTestApp(AuthTestApp.users(true));

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void the_login_page_has_labelled_fields_with_autocomplete_and_no_inline_script_or_style() throws Exception {
        HttpResponse<String> r = app.send(app.request("/login?next=/findings"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("text/html"));
        assertThat(r.body()).contains("<label for=\"username\">", "id=\"username\"", "autocomplete=\"username\"",
                        "<label for=\"password\">", "autocomplete=\"current-password\"", "type=\"password\"",
                        "name=\"next\" value=\"/findings\"", "href=\"/assets/sentinel.css\"")
                .doesNotContain("<script", "<style", "style=", "onclick", "onload");
    }

    @Test
    void a_right_password_starts_a_session_with_a_strict_http_only_cookie_and_redirects_to_next() throws Exception {
        HttpResponse<String> r = app.postLogin(app.loginForm(), "vera", AuthTestApp.VIEWER_PASSWORD, "/findings?status=UNKNOWN");

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/findings?status=UNKNOWN");
        String cookie = AuthTestApp.setCookie(r, "sentinel_session");
        assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict").contains("Path=/")
                .doesNotContain("Secure");
        assertThat(AuthTestApp.cookie(r, "sentinel_session")).hasSize(43); // 256 random bits, base64url
    }

    @Test
    void a_wrong_password_shows_the_form_again_with_an_error_and_no_session() throws Exception {
        HttpResponse<String> r = app.postLogin(app.loginForm(), "vera", "guess", null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("role=\"alert\"", "Wrong user name or password.", "value=\"vera\"");
        assertThat(AuthTestApp.cookie(r, "sentinel_session")).isNull();
    }

    @Test
    void an_unknown_user_gets_the_same_answer_as_a_wrong_password() throws Exception {
        HttpResponse<String> r = app.postLogin(app.loginForm(), "mallory", "guess", null);

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("Wrong user name or password.");
    }

    @Test
    void a_user_name_with_markup_is_escaped_on_the_form() throws Exception {
        HttpResponse<String> r = app.postLogin(app.loginForm(), "<script>alert(1)</script>\"", "x", "/\"><script>");

        assertThat(r.body()).doesNotContain("<script>alert(1)").contains("value=\"&lt;script>alert(1)&lt;/script>&#34;\"");
    }

    @Test
    void a_user_name_longer_than_the_field_allows_is_refused_without_being_echoed() throws Exception {
        String huge = "u".repeat(9000);
        HttpResponse<String> r = app.postLogin(app.loginForm(), huge, "x", null);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("User names are at most 64 characters.").doesNotContain("u".repeat(65));
    }

    @ParameterizedTest(name = "next={0} goes to /")
    @ValueSource(strings = {"https://evil.example/", "//evil.example/", "/\\evil.example", "\\\\evil.example",
            "/\t/evil.example", "javascript:alert(1)", "http:/evil.example", "/login", "evil.example", " /findings"})
    void a_next_that_leaves_the_site_is_refused_and_the_login_goes_home(String next) throws Exception {
        HttpResponse<String> r = app.postLogin(app.loginForm(), "vera", AuthTestApp.VIEWER_PASSWORD, next);

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/");
    }

    @Test
    void a_login_posted_without_the_form_token_is_refused_as_login_csrf() throws Exception {
        AuthTestApp.Form form = app.loginForm();
        HttpResponse<String> noCookie = app.postLogin(new AuthTestApp.Form(form.token(), "other"), "vera",
                AuthTestApp.VIEWER_PASSWORD, null);
        HttpResponse<String> crossSite = app.send(app.request("/login").header("Content-Type",
                        "application/x-www-form-urlencoded").header("Cookie", "sentinel_login=" + form.cookie())
                .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString(
                        "csrf=" + form.token() + "&username=vera&password=" + AuthTestApp.VIEWER_PASSWORD)));

        assertThat(noCookie.statusCode()).isEqualTo(403);
        assertThat(AuthTestApp.cookie(noCookie, "sentinel_session")).isNull();
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(AuthTestApp.cookie(crossSite, "sentinel_session")).isNull();
    }

    @Test
    void a_new_login_gets_a_new_session_id_and_the_old_one_stops_working() throws Exception {
        String first = app.login("vera", AuthTestApp.VIEWER_PASSWORD);
        AuthTestApp.Form form = app.loginForm();
        HttpResponse<String> again = app.send(app.request("/login").header("Content-Type",
                "application/x-www-form-urlencoded").header("Cookie", "sentinel_login=" + form.cookie()
                + "; sentinel_session=" + first).POST(HttpRequest.BodyPublishers.ofString("csrf=" + form.token()
                + "&username=vera&password=" + AuthTestApp.VIEWER_PASSWORD)));
        String second = AuthTestApp.cookie(again, "sentinel_session");

        assertThat(second).isNotNull().isNotEqualTo(first);
        assertThat(app.send(page("/", first)).statusCode()).isEqualTo(401);
        assertThat(app.send(page("/", second)).statusCode()).isEqualTo(200);
    }

    @Test
    void logout_with_the_session_token_ends_the_session_on_the_server() throws Exception {
        String session = app.login("vera", AuthTestApp.VIEWER_PASSWORD);
        String csrf = csrf(session);
        HttpResponse<String> out = app.send(app.request("/logout").header("Content-Type",
                "application/x-www-form-urlencoded").header("Cookie", "sentinel_session=" + session)
                .POST(HttpRequest.BodyPublishers.ofString("csrf=" + csrf)));

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/login");
        assertThat(AuthTestApp.setCookie(out, "sentinel_session")).contains("Expires=Thu, 01 Jan 1970");
        assertThat(app.send(page("/", session)).statusCode()).isEqualTo(401);
    }

    @Test
    void the_log_out_page_asks_for_confirmation_with_a_form_that_carries_the_session_token() throws Exception {
        String session = app.login("vera", AuthTestApp.VIEWER_PASSWORD);
        HttpResponse<String> confirm = app.send(page("/logout", session));

        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Logged in as <strong>vera</strong>", "action=\"/logout\"",
                "name=\"csrf\" value=\"" + csrf(session) + "\"").doesNotContain("<script>", "style=");
        assertThat(app.send(page("/", session)).statusCode()).as("showing the page logs nobody out").isEqualTo(200);
    }

    @Test
    void logout_without_the_session_token_is_refused_and_the_session_lives_on() throws Exception {
        String session = app.login("vera", AuthTestApp.VIEWER_PASSWORD);
        HttpResponse<String> out = app.send(app.request("/logout").header("Cookie", "sentinel_session=" + session)
                .POST(HttpRequest.BodyPublishers.noBody()));

        assertThat(out.statusCode()).isEqualTo(403);
        assertThat(app.send(page("/", session)).statusCode()).isEqualTo(200);
    }

    @Test
    void five_failed_logins_for_a_user_answer_429_with_retry_after_even_for_the_right_password() throws Exception {
        for (int i = 0; i < Auth.FAILURE_LIMIT; i++) {
            assertThat(app.postLogin(app.loginForm(), "adam", "guess-" + i, null).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = app.postLogin(app.loginForm(), "adam", AuthTestApp.ADMIN_PASSWORD, null);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(s ->
                assertThat(Long.parseLong(s)).isBetween(1L, Auth.FAILURE_WINDOW.toSeconds()));
        assertThat(limited.body()).contains("Too many failed logins");
        assertThat(AuthTestApp.cookie(limited, "sentinel_session")).isNull();
    }

    @Test
    void basic_auth_guesses_count_toward_the_same_limit() throws Exception {
        for (int i = 0; i < Auth.FAILURE_LIMIT; i++) {
            assertThat(app.send(app.request("/api/reports").header("Authorization",
                    AuthTestApp.basic("adam", "guess-" + i))).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = app.send(app.request("/api/reports").header("Authorization",
                AuthTestApp.basic("adam", AuthTestApp.ADMIN_PASSWORD)));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void the_limit_lifts_once_the_failures_leave_the_window() throws Exception {
        for (int i = 0; i < Auth.FAILURE_LIMIT; i++) {
            app.postLogin(app.loginForm(), "adam", "guess-" + i, null);
        }
        app.clock.advance(Auth.FAILURE_WINDOW.plusSeconds(1));

        assertThat(app.postLogin(app.loginForm(), "adam", AuthTestApp.ADMIN_PASSWORD, null).statusCode()).isEqualTo(303);
    }

    @Test
    void an_expired_session_sends_the_browser_back_to_the_login_form() throws Exception {
        String session = app.login("vera", AuthTestApp.VIEWER_PASSWORD);
        app.clock.advance(AuthSettings.DEFAULT_SESSION_TTL);
        HttpResponse<String> r = app.send(page("/tables/1/eu-west-1/orders", session).header("Accept", "text/html"));

        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location")).hasValue("/login?next=%2Ftables%2F1%2Feu-west-1%2Forders");
    }

    private HttpRequest.Builder page(String path, String session) {
        return app.request(path).header("Cookie", "sentinel_session=" + session);
    }

    private String csrf(String session) throws Exception {
        String body = app.send(page("/whoami", session)).body();
        return body.replaceAll(".*\"csrf\":\"([^\"]+)\".*", "$1");
    }
}
