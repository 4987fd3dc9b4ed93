package io.backupsentinel.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /-/reload}: runs the {@link Reloader}; 200 with the summary when applied, 400 listing every
 * {@code FILE:LINE:COLUMN} error when rejected (the old rules stay). The request carries no body (a browser's
 * form may carry its CSRF token, nothing else).
 */
final class ReloadHandler implements Handler {
    private final Reloader reloader;

    ReloadHandler(Reloader reloader) {
        this.reloader = reloader;
    }

    @Override
    public void handle(Context ctx) {
        if (ctx.bodyAsBytes().length > 0 && !onlyCsrfToken(ctx)) {
            throw WebServer.badRequest("POST /-/reload takes no body: it reloads the rule files from disk");
        }
        Reloader.Result result = Objects.requireNonNull(reloader.reload(), "the reloader returned no result");
        if (result instanceof Reloader.Applied applied) {
            ctx.json(Map.of("status", 200, "reloaded", true, "summary", applied.summary()));
        } else if (result instanceof Reloader.Rejected rejected) {
            ctx.status(400).json(Map.of("status", 400, "reloaded", false,
                    "error", "the rules were not reloaded: " + rejected.errors().size()
                            + " error(s); the previous rules stay active",
                    "errors", rejected.errors()));
        }
    }

    /** A logged-in browser's form posts the CSRF token, and nothing else, as its body. */
    private static boolean onlyCsrfToken(Context ctx) {
        String ct = ctx.contentType();
        return ct != null && ct.startsWith("application/x-www-form-urlencoded")
                && ctx.formParamMap().keySet().equals(java.util.Set.of("csrf"));
    }
}
