package io.backupsentinel.web;

import io.javalin.http.Context;

import java.util.Map;

/** {@code /-/ready}: 503 with the reason until the first evaluation is done, 200 after. */
final class Readiness {
    private volatile boolean ready;

    void ready() {
        ready = true;
    }

    void handle(Context ctx) {
        if (ready) {
            ctx.json(Map.of("status", 200, "ready", true));
        } else {
            ctx.status(503).json(Map.of("status", 503, "ready", false,
                    "error", "not ready: the first evaluation of the rules has not finished"));
        }
    }
}
