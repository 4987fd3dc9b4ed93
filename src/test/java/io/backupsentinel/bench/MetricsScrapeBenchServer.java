package io.backupsentinel.bench;

import io.backupsentinel.metrics.MetricsSettings;
import io.backupsentinel.metrics.SentinelMetrics;
import io.backupsentinel.testing.SyntheticFleet;
import io.backupsentinel.web.AdminGuard;
import io.backupsentinel.web.Reloader;
import io.backupsentinel.web.WebServer;
import io.backupsentinel.web.WebSettings;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Serves {@code /metrics} for a synthetic fleet of TABLES tables × 12 rules, for {@code bench/metrics-scrape.sh}
 * (wrk with 10 concurrent scrapers). Prints the series count and the body sizes, then serves until killed.
 * Usage: {@code MetricsScrapeBenchServer PORT TABLES}.
 */
public final class MetricsScrapeBenchServer {
    private MetricsScrapeBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int tables = Integer.parseInt(args[1]);
        SentinelMetrics metrics = new SentinelMetrics(MetricsSettings.defaults("bench"), SyntheticFleet.recoveryTimes(),
                Clock.systemUTC());
        long start = System.nanoTime();
        SyntheticFleet fleet = SyntheticFleet.of(tables, Instant.now());
        long built = System.nanoTime();
        fleet.feed(metrics);
        long fed = System.nanoTime();
        String text = metrics.scrape();
        long lines = text.lines().filter(l -> !l.startsWith("#") && !l.isEmpty()).count();
        long ours = text.lines().filter(l -> l.startsWith("backup_sentinel_")).count();
        long gzip = metrics.parts(true).stream().mapToLong(p -> p.length).sum();
        System.out.printf("tables=%d rules=%d series=%d backup_sentinel_series=%d plain_bytes=%d gzip_bytes=%d"
                        + " fixture_ms=%d render_ms=%d%n", tables, SyntheticFleet.RULES.size(), lines, ours,
                text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, gzip,
                Duration.ofNanos(built - start).toMillis(), Duration.ofNanos(fed - built).toMillis());
        new WebServer(new WebSettings("127.0.0.1", port, URI.create("http://localhost:" + port + "/")), metrics,
                () -> new Reloader.Applied("bench"), AdminGuard.loopbackOnly()).start().ready();
        System.out.println("listening on " + port);
        Thread.currentThread().join();
    }
}
