package io.backupsentinel.web.auth;

import io.javalin.http.Context;

/**
 * Headers on every response, errors included: a Content-Security-Policy without inline script or style, no
 * framing, no MIME sniffing, no referrer, no powerful browser features, and {@code no-store} for everything but
 * static assets (pages show table names and ARNs that a shared cache must not keep).
 */
public final class SecurityHeaders {
    /** The policy every page must work under (the shared contract of the status page). */
    public static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:;"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {
    }

    public static void apply(Context ctx) {
        each(ctx::header);
        if (!ctx.path().startsWith("/assets/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }

    /**
     * Every header but Cache-Control, which depends on the path; also for the responses Jetty makes itself (a request
     * it cannot parse never reaches the routes).
     */
    public static void each(java.util.function.BiConsumer<String, String> header) {
        header.accept("Content-Security-Policy", CSP);
        header.accept("X-Content-Type-Options", "nosniff");
        header.accept("X-Frame-Options", "DENY");
        // Not no-referrer: under it browsers send "Origin: null" with a form POST (Fetch: serializing a request
        // origin), and the same-origin check of the login and logout forms would refuse every one of them.
        // same-origin keeps URLs, filters and table names from leaking to other sites all the same.
        header.accept("Referrer-Policy", "same-origin");
        header.accept("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        header.accept("Cross-Origin-Opener-Policy", "same-origin");
    }
}
