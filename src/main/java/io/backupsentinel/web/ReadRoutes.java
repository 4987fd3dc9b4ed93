package io.backupsentinel.web;

import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;

/**
 * Declares a route that reads as GET and HEAD with one handler and one role. Javalin answers a HEAD for a path
 * that has only a GET route by itself: 200 and no headers, without running the route (so no validation, no
 * readiness) and without its role (so the gate asked public routes for credentials). Jetty sends no body in
 * answer to a HEAD, so running the GET handler gives exactly GET's status and headers.
 */
public final class ReadRoutes {
    private ReadRoutes() {
    }

    public static void get(JavalinDefaultRoutingApi routes, String path, Handler handler, WebRole role) {
        routes.get(path, handler, role);
        routes.head(path, handler, role);
    }
}
