package io.backupsentinel.web.auth;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UnauthorizedResponse;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds who sent a request: {@code Authorization: Basic} or {@code Bearer} when present (a bad one is a 401,
 * never a fall-back to the cookie), else the session cookie, else nobody (null). Failed basic-auth passwords
 * count toward the same login rate limit as the form.
 */
final class Authenticator {
    private final Credentials credentials;
    private final Sessions sessions;
    private final LoginLimiter limiter;
    private final Cookies cookies;

    Authenticator(Credentials credentials, Sessions sessions, LoginLimiter limiter, Cookies cookies) {
        this.credentials = credentials;
        this.sessions = sessions;
        this.limiter = limiter;
        this.cookies = cookies;
    }

    /** The principal, or null when the request carries no credentials at all. */
    Principal authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header != null) {
            return fromHeader(ctx, header.trim());
        }
        String id = ctx.cookie(cookies.sessionName());
        if (id == null) {
            return null;
        }
        // An expired or unknown session is no session: the browser is sent to log in again.
        return sessions.find(id).map(s -> new Principal(s.user(), s.role(), Principal.Via.SESSION, s.csrfToken()))
                .orElse(null);
    }

    private Principal fromHeader(Context ctx, String header) {
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        String value = space < 0 ? "" : header.substring(space + 1).trim();
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "basic" -> {
                return basic(ctx, value);
            }
            case "bearer" -> {
                return credentials.token(value)
                        .map(t -> new Principal(t.name(), t.role(), Principal.Via.BEARER, null))
                        .orElseThrow(() -> challenge(ctx, "the bearer token is not valid"));
            }
            default -> throw challenge(ctx, "the Authorization scheme must be Basic or Bearer");
        }
    }

    private Principal basic(Context ctx, String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw challenge(ctx, "the basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw challenge(ctx, "the basic credentials must be USER:PASSWORD");
        }
        String user = decoded.substring(0, colon);
        String address = ctx.ip();
        Optional<Duration> wait = limiter.blocked(address, user);
        if (wait.isPresent()) {
            throw tooMany(ctx, wait.get());
        }
        Optional<AuthSettings.User> u = credentials.user(user, decoded.substring(colon + 1));
        if (u.isEmpty()) {
            limiter.failed(address, user);
            throw challenge(ctx, "wrong user name or password");
        }
        limiter.succeeded(user);
        return new Principal(u.get().name(), u.get().role(), Principal.Via.BASIC, null);
    }

    /** A 401 with the Basic challenge, so that curl and browsers know what to send. */
    static UnauthorizedResponse challenge(Context ctx, String why) {
        ctx.header("WWW-Authenticate", Gate.CHALLENGE);
        return new UnauthorizedResponse(why);
    }

    static HttpResponseException tooMany(Context ctx, Duration wait) {
        return new HttpResponseException(429, "too many failed logins; try again in " + retryAfter(ctx, wait) + " s");
    }

    /** Sets {@code Retry-After} to the wait in whole seconds (at least 1) and returns them. */
    static long retryAfter(Context ctx, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ctx.header("Retry-After", Long.toString(seconds));
        return seconds;
    }

    /** Whether the request comes from the machine itself. */
    static boolean loopback(Context ctx) {
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
