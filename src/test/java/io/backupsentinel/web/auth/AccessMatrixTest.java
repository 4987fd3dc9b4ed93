package io.backupsentinel.web.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the shared contract against every kind of caller, over real HTTP: the status each one gets.
 * 303 is the browser sent to the login form; 401 carries a Basic challenge; 403 is a role too small.
 */
class AccessMatrixTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static AuthTestApp metricsOpen;
    private static AuthTestApp metricsClosed;

    enum Caller { ANONYMOUS, ANONYMOUS_BROWSER, VIEWER_SESSION, ADMIN_SESSION, VIEWER_BASIC, ADMIN_BEARER,
        VIEWER_BEARER, WRONG_PASSWORD, EXPIRED_SESSION }

    /** How a route is protected, which decides each caller's status. */
    enum Kind { PUBLIC, PAGE, API, ADMIN }

    record Route(String method, String path, Kind kind) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    @BeforeAll
    static void start() {
        metricsOpen = new AuthTestApp(AuthTestApp.users(true));
        metricsClosed = new AuthTestApp(AuthTestApp.users(false));
    }

    @AfterAll
    static void stop() {
        metricsOpen.close();
        metricsClosed.close();
    }

    static Stream<Arguments> matrix() {
        List<Route> routes = List.of(new Route("GET", "/-/healthy", Kind.PUBLIC),
                new Route("GET", "/login", Kind.PUBLIC), new Route("GET", "/assets/sentinel.css", Kind.PUBLIC),
                new Route("GET", "/", Kind.PAGE), new Route("GET", "/findings?status=NON_COMPLIANT&page=2", Kind.PAGE),
                new Route("GET", "/tables/123456789012/eu-west-1/orders", Kind.PAGE),
                new Route("GET", "/reports", Kind.PAGE), new Route("GET", "/undeclared", Kind.PAGE),
                new Route("GET", "/api/reports?format=json", Kind.API), new Route("POST", "/-/reload", Kind.ADMIN));
        List<Arguments> out = new ArrayList<>();
        for (boolean metricsPublic : new boolean[]{true, false}) {
            for (Caller c : Caller.values()) {
                for (Route r : routes) {
                    out.add(Arguments.of(metricsPublic, r, c, expected(r.kind(), c)));
                }
                out.add(Arguments.of(metricsPublic, new Route("GET", "/metrics", metricsPublic ? Kind.PUBLIC : Kind.API),
                        c, expected(metricsPublic ? Kind.PUBLIC : Kind.API, c)));
            }
        }
        return out.stream();
    }

    private static int expected(Kind kind, Caller c) {
        if (kind == Kind.PUBLIC) {
            return 200;
        }
        return switch (c) {
            case ANONYMOUS, WRONG_PASSWORD, EXPIRED_SESSION -> 401;
            case ANONYMOUS_BROWSER -> kind == Kind.PAGE ? 303 : 401;
            case ADMIN_SESSION, ADMIN_BEARER -> 200;
            case VIEWER_SESSION, VIEWER_BASIC, VIEWER_BEARER -> kind == Kind.ADMIN ? 403 : 200;
        };
    }

    @ParameterizedTest(name = "metrics_public={0}: {1} as {2} answers {3}")
    @MethodSource("matrix")
    void each_route_answers_each_caller_with_the_status_its_role_allows(boolean metricsPublic, Route route,
                                                                          Caller caller, int status) throws Exception {
        AuthTestApp app = metricsPublic ? metricsOpen : metricsClosed;
        HttpRequest.Builder b = app.request(route.path());
        if (route.method().equals("POST")) {
            b.POST(HttpRequest.BodyPublishers.noBody());
        }
        b.header("Accept", caller == Caller.ANONYMOUS_BROWSER ? "text/html,application/xhtml+xml" : "*/*");
        switch (caller) {
            case ANONYMOUS, ANONYMOUS_BROWSER -> { }
            case VIEWER_SESSION -> session(app, b, "vera", AuthTestApp.VIEWER_PASSWORD);
            case ADMIN_SESSION -> session(app, b, "adam", AuthTestApp.ADMIN_PASSWORD);
            case VIEWER_BASIC -> b.header("Authorization", AuthTestApp.basic("vera", AuthTestApp.VIEWER_PASSWORD));
            case ADMIN_BEARER -> b.header("Authorization", "Bearer " + AuthTestApp.ADMIN_TOKEN);
            case VIEWER_BEARER -> b.header("Authorization", "Bearer " + AuthTestApp.VIEWER_TOKEN);
            case WRONG_PASSWORD -> b.header("Authorization", AuthTestApp.basic("adam", "not-the-password"));
            case EXPIRED_SESSION -> {
                b.header("Cookie", "sentinel_session=" + app.login("adam", AuthTestApp.ADMIN_PASSWORD));
                app.clock.advance(AuthSettings.DEFAULT_SESSION_TTL.plusSeconds(1));
            }
        }
        HttpResponse<String> r = app.send(b);
        if (caller == Caller.WRONG_PASSWORD) {
            app.clock.advance(Auth.FAILURE_WINDOW.plus(Duration.ofSeconds(1))); // the next case starts unthrottled
        }

        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        if (status == 401) {
            assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Backup Sentinel\", charset=\"UTF-8\"");
        }
        if (status == 303) {
            assertThat(r.headers().firstValue("Location")).hasValue("/login?next=" + AuthTestApp.enc(route.path()));
        }
    }

    /** A logged-in browser: its cookie, and for a POST the session's CSRF token as a page would embed it. */
    private static void session(AuthTestApp app, HttpRequest.Builder b, String user, String password) throws Exception {
        String cookie = app.login(user, password);
        b.header("Cookie", "sentinel_session=" + cookie);
        HttpResponse<String> who = app.send(app.request("/whoami").header("Cookie", "sentinel_session=" + cookie));
        b.header("X-CSRF-Token", JSON.readValue(who.body(), Map.class).get("csrf").toString());
    }
}
