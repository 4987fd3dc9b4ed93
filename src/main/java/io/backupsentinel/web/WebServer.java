package io.backupsentinel.web;

import io.backupsentinel.metrics.SentinelMetrics;
import io.backupsentinel.web.auth.Auth;
import io.backupsentinel.web.status.StatusPages;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.MethodNotAllowedResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The daemon's HTTP server: {@code GET /metrics}, {@code GET /-/healthy}, {@code GET /-/ready},
 * {@code POST /-/reload}, and the status page ({@link StatusPages}, whose errors are HTML pages). Every error is a JSON body {@code {"status": N, "error": "why"}}: 404 for an
 * unknown path, 405 for a known path with another method, 400 for malformed input, and 500 with a generic
 * text (the cause goes to the log) only for a bug.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    private final WebSettings settings;
    private final Readiness readiness = new Readiness();
    private final Javalin app;

    public WebServer(WebSettings settings, SentinelMetrics metrics, Reloader reloader, AdminGuard guard) {
        this(settings, metrics, reloader, guard, null, null);
    }

    /**
     * @param pages   the status page's routes ({@code /}, {@code /findings}, {@code /tables/...}, {@code /assets/...});
     *                null for a server without them
     * @param reports serves {@code GET /api/reports}; null leaves the route out
     */
    public WebServer(WebSettings settings, SentinelMetrics metrics, Reloader reloader, AdminGuard guard,
                     StatusPages pages, ReportsHandler reports) {
        this.settings = Objects.requireNonNull(settings, "settings");
        MetricsHandler metricsHandler = new MetricsHandler(metrics);
        ReloadHandler reloadHandler = new ReloadHandler(reloader);
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // /metrics sends its own cached gzip members; a second compression would only burn CPU.
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.http.prefer405over404 = true;
            // Errors Jetty answers itself (an unparsable request) get our headers and JSON body too.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
            // Headers, the role gate (the guard decides admin actions in local mode), /login and /logout.
            new Auth(settings, guard, Clock.systemUTC()).install(config.routes);
            // After the gate: a caller without access learns nothing about the parameters.
            config.routes.beforeMatched(Params::checkEncoding);
            ReadRoutes.get(config.routes, "/metrics", metricsHandler, WebRole.PUBLIC);
            ReadRoutes.get(config.routes, "/-/healthy", ctx -> ctx.result("Backup Sentinel is healthy.\n"), WebRole.PUBLIC);
            ReadRoutes.get(config.routes, "/-/ready", readiness::handle, WebRole.PUBLIC);
            config.routes.post("/-/reload", reloadHandler, WebRole.ADMIN);
            if (pages != null) {
                pages.register(config);
            }
            if (reports != null) {
                ReadRoutes.get(config.routes, "/api/reports", reports, WebRole.VIEWER);
            }
            config.routes.exception(HttpResponseException.class, (e, ctx) -> {
                // RFC 9110: a 405 lists the methods the path does support. Javalin's only detail is that list, under a
                // key that depends on whether the caller accepts HTML.
                if (e instanceof MethodNotAllowedResponse m) {
                    m.getDetails().values().stream().findFirst().ifPresent(methods -> ctx.header("Allow", methods));
                }
                error(ctx, e.getStatus(), e.getMessage());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "internal error; the cause is in the server's log");
            });
        });
    }

    /** Starts listening on the configured address and port. */
    public WebServer start() {
        app.start(settings.bindAddress(), settings.port());
        LOG.info("web server listening on {}:{}", settings.bindAddress(), app.port());
        return this;
    }

    /** The port listened on, the chosen one when the settings asked for 0. */
    public int port() {
        return app.port();
    }

    /** The first evaluation is done: {@code /-/ready} answers 200 from now on. */
    public void ready() {
        readiness.ready();
    }

    @Override
    public void close() {
        app.stop();
    }

    static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("status", status, "error", message == null || message.isBlank()
                ? HttpStatus.forStatus(status).getMessage() : message));
    }

    /** Thrown for a request that this server cannot read. */
    static BadRequestResponse badRequest(String why) {
        return new BadRequestResponse(why);
    }
}
