package io.backupsentinel.web.auth;

import io.backupsentinel.web.AdminGuard;
import io.backupsentinel.web.WebRole;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.RedirectResponse;
import io.javalin.security.RouteRole;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Runs before every matched route and lets the request through only when its principal's role covers the
 * route's {@link WebRole}: PUBLIC passes, VIEWER needs a viewer or admin, ADMIN an admin. A route that declares
 * no role is treated as VIEWER, so a forgotten role never opens a page. Without credentials, a browser asking for
 * a page is sent to {@code /login}; everything else gets 401 with a Basic challenge; a principal with too small a
 * role gets 403. Unsafe methods under a session cookie must pass the {@link Csrf} check.
 */
final class Gate {
    static final String PRINCIPAL = "sentinel.principal";
    static final String CHALLENGE = "Basic realm=\"Backup Sentinel\", charset=\"UTF-8\"";

    private final AuthSettings settings;
    private final Authenticator authenticator;
    private final Csrf csrf;
    private final AdminGuard localAdmin;

    Gate(AuthSettings settings, Authenticator authenticator, Csrf csrf, AdminGuard localAdmin) {
        this.settings = settings;
        this.authenticator = authenticator;
        this.csrf = csrf;
        this.localAdmin = localAdmin;
    }

    void check(Context ctx) {
        WebRole needed = needed(ctx.path(), ctx.routeRoles());
        if (needed == WebRole.PUBLIC) {
            return;
        }
        if (settings.local()) {
            local(ctx, needed);
            return;
        }
        Principal p = authenticator.authenticate(ctx);
        if (p == null) {
            if (settings.anonymous() != null && settings.anonymous().covers(role(needed))) {
                ctx.attribute(PRINCIPAL, new Principal("anonymous", settings.anonymous(), Principal.Via.ANONYMOUS, null));
                return;
            }
            throw unauthenticated(ctx);
        }
        if (!p.role().covers(role(needed))) {
            throw new ForbiddenResponse("user " + p.name() + " has the " + lower(p.role()) + " role; this needs the "
                    + lower(role(needed)) + " role");
        }
        if (p.via() == Principal.Via.SESSION && unsafe(ctx.method())) {
            csrf.requireToken(ctx, p.csrfToken());
        }
        ctx.attribute(PRINCIPAL, p);
    }

    /**
     * No users or tokens configured: the machine itself acts as admin (the daemon's behaviour before access
     * control), the network gets only what {@code anonymous} grants. Browsers cannot be made to post here from
     * another site: the same-origin check still runs.
     */
    private void local(Context ctx, WebRole needed) {
        if (unsafe(ctx.method())) {
            csrf.requireSameOrigin(ctx);
        }
        if (needed == WebRole.ADMIN) {
            localAdmin.check(ctx);
            ctx.attribute(PRINCIPAL, new Principal("local", AuthSettings.Role.ADMIN, Principal.Via.LOCAL, null));
            return;
        }
        if (Authenticator.loopback(ctx)) {
            ctx.attribute(PRINCIPAL, new Principal("local", AuthSettings.Role.ADMIN, Principal.Via.LOCAL, null));
        } else if (settings.anonymous() != null) {
            ctx.attribute(PRINCIPAL, new Principal("anonymous", settings.anonymous(), Principal.Via.ANONYMOUS, null));
        } else {
            throw new ForbiddenResponse("this page is served to the machine itself only until web.auth has users or"
                    + " tokens (see the README, Access control)");
        }
    }

    private WebRole needed(String path, Set<RouteRole> roles) {
        if ("/metrics".equals(path)) {
            return settings.metricsPublic() ? WebRole.PUBLIC : WebRole.VIEWER;
        }
        if (roles.contains(WebRole.ADMIN)) {
            return WebRole.ADMIN;
        }
        if (roles.contains(WebRole.VIEWER) || roles.isEmpty()) {
            return WebRole.VIEWER;
        }
        return WebRole.PUBLIC;
    }

    private static HttpResponseException unauthenticated(Context ctx) {
        if (wantsPage(ctx)) {
            String query = ctx.queryString();
            String next = ctx.path() + (query == null || query.isEmpty() ? "" : "?" + query);
            ctx.header("Location", "/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
            return new RedirectResponse(HttpStatus.SEE_OTHER, "log in first");
        }
        return Authenticator.challenge(ctx, "credentials are required: log in, or send basic auth or a bearer token");
    }

    /** A browser navigating to a page (not a script, not the API): it is better served by the login form. */
    static boolean wantsPage(Context ctx) {
        String accept = ctx.header("Accept");
        return (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD)
                && !ctx.path().startsWith("/api/") && !"/metrics".equals(ctx.path())
                && accept != null && accept.contains("text/html");
    }

    static boolean unsafe(HandlerType method) {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    private static AuthSettings.Role role(WebRole needed) {
        return needed == WebRole.ADMIN ? AuthSettings.Role.ADMIN : AuthSettings.Role.VIEWER;
    }

    private static String lower(AuthSettings.Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT);
    }
}
