package io.backupsentinel.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code GET /login} (the form), {@code POST /login} (check, rate limit, new session id, redirect to a safe
 * {@code next}) and {@code POST /logout} (CSRF-checked; ends the session on the server).
 */
final class LoginRoutes {
    private final AuthSettings settings;
    private final Credentials credentials;
    private final Sessions sessions;
    private final LoginLimiter limiter;
    private final Cookies cookies;
    private final Csrf csrf;

    LoginRoutes(AuthSettings settings, Credentials credentials, Sessions sessions, LoginLimiter limiter,
                Cookies cookies, Csrf csrf) {
        this.settings = settings;
        this.credentials = credentials;
        this.sessions = sessions;
        this.limiter = limiter;
        this.cookies = cookies;
        this.csrf = csrf;
    }

    void form(Context ctx) {
        page(ctx, 200, null, null, NextPath.safe(ctx.queryParam("next")));
    }

    void login(Context ctx) {
        String next = NextPath.safe(ctx.formParam("next"));
        if (settings.users().isEmpty()) {
            page(ctx, 403, null, null, next);
            return;
        }
        csrf.requireSameOrigin(ctx);
        String user = ctx.formParam("username");
        user = user == null ? "" : user.trim();
        String formToken = ctx.cookie(cookies.loginName());
        if (formToken == null || !Secrets.same(formToken, ctx.formParam(Csrf.FIELD))) {
            page(ctx, 403, "The login form expired or came from another site. Please try again.", user, next);
            return;
        }
        if (user.length() > LoginPage.MAX_USER) {
            // No such user can exist; not echoed, and not kept by the limiter.
            page(ctx, 400, "User names are at most " + LoginPage.MAX_USER + " characters.", null, next);
            return;
        }
        String address = ctx.ip();
        Optional<Duration> wait = limiter.blocked(address, user);
        if (wait.isPresent()) {
            long minutes = Math.max(1, (Authenticator.retryAfter(ctx, wait.get()) + 59) / 60);
            page(ctx, 429, "Too many failed logins. Try again in " + minutes + " minute" + (minutes == 1 ? "" : "s")
                    + ".", user, next);
            return;
        }
        Optional<AuthSettings.User> u = credentials.user(user, ctx.formParam("password"));
        if (u.isEmpty()) {
            limiter.failed(address, user);
            page(ctx, 401, "Wrong user name or password.", user, next);
            return;
        }
        limiter.succeeded(user);
        // A new id at every login, and the old session (if any) ends: a planted id is worth nothing.
        sessions.remove(ctx.cookie(cookies.sessionName()));
        cookies.setSession(ctx, sessions.create(u.get().name(), u.get().role()), sessions.ttl());
        cookies.clearLoginToken(ctx);
        ctx.redirect(next, HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx) {
        String id = ctx.cookie(cookies.sessionName());
        Optional<Sessions.Session> s = sessions.find(id);
        if (s.isPresent()) {
            csrf.requireToken(ctx, s.get().csrfToken());
            sessions.remove(id);
        } else {
            csrf.requireSameOrigin(ctx);
        }
        cookies.clearSession(ctx);
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }

    private void page(Context ctx, int status, String error, String user, String next) {
        String token = ctx.cookie(cookies.loginName());
        if (token == null || token.length() != 43) {
            token = Secrets.random(32);
            cookies.setLoginToken(ctx, token);
        }
        ctx.status(status).contentType("text/html; charset=utf-8")
                .result(LoginPage.render(error, user, next, token, settings.users().isEmpty()));
    }
}
