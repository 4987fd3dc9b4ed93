package io.backupsentinel.web.auth;

import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.check.RecoveryPoints;
import io.backupsentinel.check.RestoreTestCheck;
import io.backupsentinel.engine.FleetView;
import io.backupsentinel.metrics.MetricsSettings;
import io.backupsentinel.metrics.RecoveryTimes;
import io.backupsentinel.metrics.SentinelMetrics;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.rule.RuleSet;
import io.backupsentinel.store.HistoryStore;
import io.backupsentinel.store.StoreSettings;
import io.backupsentinel.web.AdminGuard;
import io.backupsentinel.web.Reloader;
import io.backupsentinel.web.ReportsHandler;
import io.backupsentinel.web.WebServer;
import io.backupsentinel.web.WebSettings;
import io.backupsentinel.web.runbook.PlanCoverage;
import io.backupsentinel.web.status.StatusPages;
import io.backupsentinel.web.status.TableCharts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 401/403 matrix on the product's own routes (AccessMatrixTest covers every kind of caller on stand-in routes):
 * the daemon's web server as {@code run} builds it — status pages, reports, metrics, reload — with users configured
 * and {@code metrics_public: false}, asked by an anonymous script, an anonymous browser, a viewer and an admin.
 */
class ProductRoutesAccessIT {
    @TempDir
    static Path dir;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static HistoryStore store;
    private static WebServer server;

    @BeforeAll
    static void start() {
        RuleSet rules = new RuleLoader(CheckRegistry.standard()).load(Path.of("rules")).ruleSet();
        store = HistoryStore.open(StoreSettings.sqlite(dir));
        FleetView fleet = new FleetView(rules, Clock.systemUTC());
        SentinelMetrics metrics = new SentinelMetrics(MetricsSettings.defaults("test"),
                new RecoveryTimes(RecoveryPoints::newestInstants, RestoreTestCheck::lastValidatedRestore), Clock.systemUTC());
        server = new WebServer(new WebSettings("127.0.0.1", 0, URI.create("http://localhost/"))
                .withAuth(AuthTestApp.users(false)), metrics, () -> new Reloader.Applied("none"), AdminGuard.loopbackOnly(),
                new StatusPages(fleet, store.queries(), PlanCoverage.UNKNOWN, TableCharts.NONE),
                new ReportsHandler(store.queries(), List::of, Clock.systemUTC(), "test")).start();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (store != null) {
            store.close();
        }
    }

    @ParameterizedTest(name = "{0} {1}: anonymous {2}, browser {3}, viewer {4}, admin {5}")
    @CsvSource({
            "GET,  /,                                      401, 303, 200, 200",
            "GET,  /findings?status=NON_COMPLIANT,         401, 303, 200, 200",
            "GET,  /tables/111111111111/us-east-1/orders,  401, 303, 404, 404",
            "GET,  /reports,                               401, 303, 200, 200",
            "GET,  /reports/download?format=pdf,           401, 303, 303, 303",
            "GET,  /api/reports?format=xml,                401, 401, 400, 400",
            "GET,  /metrics,                               401, 401, 200, 200",
            "GET,  /logout,                                401, 303, 200, 200",
            "POST, /-/reload,                              401, 401, 403, 200",
            "GET,  /-/healthy,                             200, 200, 200, 200",
            "GET,  /assets/sentinel.css,                   200, 200, 200, 200",
            "GET,  /login,                                 200, 200, 200, 200",
            "HEAD, /,                                      401, 303, 200, 200",
            "HEAD, /findings?page=0,                       401, 303, 400, 400",
            "HEAD, /tables/111111111111/us-east-1/orders,  401, 303, 404, 404",
            "HEAD, /api/reports?format=xml,                401, 401, 400, 400",
            "HEAD, /metrics,                               401, 401, 200, 200",
            "HEAD, /-/healthy,                             200, 200, 200, 200",
            "HEAD, /-/ready,                               503, 503, 503, 503",
            "HEAD, /assets/sentinel.css,                   200, 200, 200, 200",
            "HEAD, /login,                                 200, 200, 200, 200"})
    void each_product_route_answers_each_caller_as_its_role_says(String method, String path, int anonymous,
                                                                  int browser, int viewer, int admin) throws Exception {
        assertThat(send(method, path, null, false)).as("anonymous script").isEqualTo(anonymous);
        assertThat(send(method, path, null, true)).as("anonymous browser").isEqualTo(browser);
        assertThat(send(method, path, basic("vera", AuthTestApp.VIEWER_PASSWORD), false)).as("viewer").isEqualTo(viewer);
        assertThat(send(method, path, "Bearer " + AuthTestApp.ADMIN_TOKEN, false)).as("admin").isEqualTo(admin);
    }

    private static int send(String method, String path, String authorization, boolean browser) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (browser) {
            b.header("Accept", "text/html,application/xhtml+xml");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
