package io.backupsentinel.web.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

import java.time.Duration;

/**
 * The two cookies: the session ({@code HttpOnly; SameSite=Strict; Path=/}, {@code Secure} per
 * {@code secure_cookies}, named with the {@code __Host-} prefix when secure so no subdomain can plant one), and the
 * short-lived login-form token that protects {@code POST /login} against login CSRF.
 */
final class Cookies {
    static final Duration LOGIN_FORM_TTL = Duration.ofHours(1);
    private final boolean secure;

    Cookies(boolean secure) {
        this.secure = secure;
    }

    String sessionName() {
        return secure ? "__Host-sentinel_session" : "sentinel_session";
    }

    String loginName() {
        return secure ? "__Host-sentinel_login" : "sentinel_login";
    }

    void setSession(Context ctx, String id, Duration ttl) {
        ctx.cookie(cookie(sessionName(), id, (int) ttl.toSeconds()));
    }

    void clearSession(Context ctx) {
        ctx.cookie(cookie(sessionName(), "", 0));
    }

    void setLoginToken(Context ctx, String token) {
        ctx.cookie(cookie(loginName(), token, (int) LOGIN_FORM_TTL.toSeconds()));
    }

    void clearLoginToken(Context ctx) {
        ctx.cookie(cookie(loginName(), "", 0));
    }

    private Cookie cookie(String name, String value, int maxAge) {
        return new Cookie(name, value, "/", maxAge, secure, true, null, SameSite.STRICT);
    }
}
