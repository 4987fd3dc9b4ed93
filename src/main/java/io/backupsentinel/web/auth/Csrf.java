package io.backupsentinel.web.auth;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;

import java.net.URI;
import java.util.Locale;

/**
 * Cross-site request checks for requests that a browser sends with its cookies on its own. Two layers: the
 * origin (a browser's {@code Sec-Fetch-Site} or {@code Origin} must say same-origin; requests without either, such
 * as curl's, pass this layer), and the session's synchronizer token, in the form field {@value #FIELD} or the
 * header {@value #HEADER}.
 */
final class Csrf {
    static final String FIELD = "csrf";
    static final String HEADER = "X-CSRF-Token";
    private final URI baseUrl;

    Csrf(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Same origin, and the session's token in the form or header. */
    void requireToken(Context ctx, String expected) {
        requireSameOrigin(ctx);
        String sent = ctx.header(HEADER);
        if (sent == null && isForm(ctx)) {
            sent = ctx.formParam(FIELD);
        }
        if (!Secrets.same(sent, expected)) {
            throw new ForbiddenResponse(sent == null ? "the CSRF token is missing: send the form's " + FIELD
                    + " field or the " + HEADER + " header" : "the CSRF token is not this session's");
        }
    }

    /** Refuses a request that a browser says comes from another site. */
    void requireSameOrigin(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && !site.equalsIgnoreCase("same-origin") && !site.equalsIgnoreCase("none")) {
            throw new ForbiddenResponse("cross-site request refused (Sec-Fetch-Site: " + clip(site) + ")");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(ctx, origin)) {
            throw new ForbiddenResponse("cross-origin request refused (Origin: " + clip(origin) + ")");
        }
    }

    /** The Origin equals this server's, as configured in base_url or as the browser addressed it (Host). */
    private boolean sameOrigin(Context ctx, String origin) {
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (o.equals(origin(baseUrl))) {
            return true;
        }
        String host = ctx.header("Host");
        return host != null && (o.equals("http://" + host.toLowerCase(Locale.ROOT))
                || o.equals("https://" + host.toLowerCase(Locale.ROOT)));
    }

    private static String origin(URI u) {
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort();
        boolean defaultPort = port < 0 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static boolean isForm(Context ctx) {
        String ct = ctx.contentType();
        return ct != null && ct.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static String clip(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
