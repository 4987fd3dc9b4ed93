package io.backupsentinel.web.auth;

import io.backupsentinel.web.AdminGuard;
import io.backupsentinel.web.ReadRoutes;
import io.backupsentinel.web.WebRole;
import io.backupsentinel.web.WebSettings;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Access control for the web server, installed in one call: security headers on every response, the role gate
 * before every matched route, and the login and logout routes. Pages read who is logged in with
 * {@link #principal(Context)} and put {@link #csrfToken(Context)} into the hidden {@code csrf} field of any form
 * that posts (for example a logout button).
 */
public final class Auth {
    /** Failed logins allowed per address and per user name within {@link #FAILURE_WINDOW}. */
    public static final int FAILURE_LIMIT = 5;
    public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    private static final int MAX_SESSIONS = 10_000;
    private static final int MAX_LIMITER_KEYS = 100_000;

    private final Gate gate;
    private final LoginRoutes login;

    public Auth(WebSettings web, AdminGuard localAdmin, Clock clock) {
        AuthSettings s = web.auth();
        boolean secure = switch (s.secureCookies()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> "https".equalsIgnoreCase(web.baseUrl().getScheme());
        };
        Cookies cookies = new Cookies(secure);
        Credentials credentials = new Credentials(s);
        Sessions sessions = new Sessions(s.sessionTtl(), MAX_SESSIONS, clock);
        LoginLimiter limiter = new LoginLimiter(FAILURE_LIMIT, FAILURE_WINDOW, MAX_LIMITER_KEYS, clock);
        Csrf csrf = new Csrf(web.baseUrl());
        this.gate = new Gate(s, new Authenticator(credentials, sessions, limiter, cookies), csrf, localAdmin);
        this.login = new LoginRoutes(s, credentials, sessions, limiter, cookies, csrf);
    }

    /** Adds the headers, the gate and {@code /login}, {@code /logout} to the routes. */
    public void install(JavalinDefaultRoutingApi routes) {
        routes.before(SecurityHeaders::apply);
        routes.beforeMatched(gate::check);
        ReadRoutes.get(routes, "/login", login::form, WebRole.PUBLIC);
        routes.post("/login", login::login, WebRole.PUBLIC);
        routes.post("/logout", login::logout, WebRole.PUBLIC);
        ReadRoutes.get(routes, "/logout", ctx -> ctx.contentType("text/html; charset=utf-8").result(LoginPage.renderLogout(
                principal(ctx).map(Principal::name).orElse(""), csrfToken(ctx))), WebRole.VIEWER);
    }

    /** Who made the request, once the gate let it through a VIEWER or ADMIN route; empty on public routes. */
    public static Optional<Principal> principal(Context ctx) {
        return Optional.ofNullable(ctx.attribute(Gate.PRINCIPAL));
    }

    /** The session's CSRF token for forms that post, or null when the request is not a logged-in session. */
    public static String csrfToken(Context ctx) {
        return principal(ctx).map(Principal::csrfToken).orElse(null);
    }
}
