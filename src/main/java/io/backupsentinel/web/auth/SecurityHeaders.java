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
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        if (!ctx.path().startsWith("/assets/")) {
            ctx.header("Cache-Control", "no-store");
        }
    }
}
