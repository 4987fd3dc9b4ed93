package io.backupsentinel.web.auth;

import io.backupsentinel.testing.MutableClock;
import io.backupsentinel.web.AdminGuard;
import io.backupsentinel.web.WebRole;
import io.backupsentinel.web.WebSettings;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Javalin app with {@link Auth} installed and routes declaring the roles of the shared contract (the status
 * pages, reports, /metrics, reload), served over real HTTP; plus helpers to log in and send credentials.
 */
final class AuthTestApp implements AutoCloseable {
    static final String VIEWER_PASSWORD = "viewer-secret";
    static final String ADMIN_PASSWORD = "admin-secret";
    static final String ADMIN_TOKEN = "admin-token-0123456789abcdefghijklmnopqrstuv";
    static final String VIEWER_TOKEN = "viewer-token-0123456789abcdefghijklmnopqrstu";
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T17:00:00Z"));
    final HttpClient http = HttpClient.newHttpClient();
    private final Javalin app;

    AuthTestApp(AuthSettings auth, AdminGuard localAdmin, String bind) {
        this(auth, localAdmin, bind, URI.create("http://localhost:9797/"));
    }

    AuthTestApp(AuthSettings auth, AdminGuard localAdmin, String bind, URI baseUrl) {
        WebSettings web = new WebSettings(bind, 0, baseUrl, auth);
        Auth access = new Auth(web, localAdmin, clock);
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.prefer405over404 = true;
            access.install(config.routes);
            config.routes.get("/metrics", ctx -> ctx.result("# metrics\n"), WebRole.PUBLIC);
            config.routes.get("/-/healthy", ctx -> ctx.result("ok\n"), WebRole.PUBLIC);
            config.routes.get("/assets/sentinel.css", ctx -> ctx.contentType("text/css").result("body{}"), WebRole.PUBLIC);
            for (String page : List.of("/", "/findings", "/tables/{account}/{region}/{table}", "/reports")) {
                config.routes.get(page, ctx -> ctx.html("<p>page</p>"), WebRole.VIEWER);
            }
            config.routes.get("/api/reports", ctx -> ctx.json(Map.of("ok", true)), WebRole.VIEWER);
            config.routes.get("/undeclared", ctx -> ctx.result("no role declared"));
            config.routes.get("/whoami", ctx -> ctx.json(Map.of("name", Auth.principal(ctx).orElseThrow().name(),
                    "csrf", String.valueOf(Auth.csrfToken(ctx)))), WebRole.VIEWER);
            config.routes.get("/boom", ctx -> {
                throw new IllegalStateException("a bug");
            }, WebRole.PUBLIC);
            config.routes.post("/-/reload", ctx -> ctx.json(Map.of("reloaded", true)), WebRole.ADMIN);
            config.routes.exception(HttpResponseException.class, (e, ctx) ->
                    ctx.status(e.getStatus()).json(Map.of("status", e.getStatus(), "error", e.getMessage())));
            config.routes.exception(Exception.class, (e, ctx) ->
                    ctx.status(500).json(Map.of("status", 500, "error", "internal error")));
        }).start(bind, 0);
    }

    AuthTestApp(AuthSettings auth) {
        this(auth, AdminGuard.loopbackOnly(), "127.0.0.1");
    }

    static AuthSettings users(boolean metricsPublic) {
        return new AuthSettings(List.of(
                new AuthSettings.User("vera", AuthSettings.Role.VIEWER, Secrets.hashPassword(VIEWER_PASSWORD, 4)),
                new AuthSettings.User("adam", AuthSettings.Role.ADMIN, Secrets.hashPassword(ADMIN_PASSWORD, 4))),
                List.of(new AuthSettings.ApiToken("ci", AuthSettings.Role.ADMIN, Secrets.sha256(ADMIN_TOKEN)),
                        new AuthSettings.ApiToken("grafana", AuthSettings.Role.VIEWER,
                                Secrets.hashPassword(VIEWER_TOKEN, 4))),
                metricsPublic, AuthSettings.DEFAULT_SESSION_TTL, AuthSettings.SecureCookies.AUTO, null);
    }

    int port() {
        return app.port();
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path));
    }

    HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The login form: its CSRF token and the login cookie, as a browser would keep them. */
    record Form(String token, String cookie) {
    }

    Form loginForm() throws IOException, InterruptedException {
        HttpResponse<String> r = send(request("/login"));
        Matcher m = HIDDEN_CSRF.matcher(r.body());
        if (!m.find()) {
            throw new AssertionError("the login page has no csrf field: " + r.body());
        }
        return new Form(m.group(1), cookie(r, "sentinel_login"));
    }

    HttpResponse<String> postLogin(Form form, String user, String password, String next)
            throws IOException, InterruptedException {
        String body = "csrf=" + enc(form.token()) + "&username=" + enc(user) + "&password=" + enc(password)
                + (next == null ? "" : "&next=" + enc(next));
        return send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "sentinel_login=" + form.cookie()).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Logs in through the form; the session cookie's value. */
    String login(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = postLogin(loginForm(), user, password, null);
        if (r.statusCode() != 303) {
            throw new AssertionError("login failed with " + r.statusCode() + ": " + r.body());
        }
        return cookie(r, "sentinel_session");
    }

    static String cookie(HttpResponse<?> r, String name) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            if (c.startsWith(name + "=")) {
                return c.substring(name.length() + 1, c.indexOf(';'));
            }
        }
        return null;
    }

    static String setCookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElse(null);
    }

    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        app.stop();
    }
}
