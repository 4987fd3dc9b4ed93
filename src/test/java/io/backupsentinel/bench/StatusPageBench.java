package io.backupsentinel.bench;

import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.cli.CheckPlanCoverage;
import io.backupsentinel.engine.Evaluator;
import io.backupsentinel.engine.FleetView;
import io.backupsentinel.engine.HistorySink;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.metrics.MetricsSettings;
import io.backupsentinel.metrics.SentinelMetrics;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Transition;
import io.backupsentinel.rule.Rule;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.rule.RuleSet;
import io.backupsentinel.store.HistoryStore;
import io.backupsentinel.store.StoreSettings;
import io.backupsentinel.testing.SyntheticFleet;
import io.backupsentinel.web.AdminGuard;
import io.backupsentinel.web.Reloader;
import io.backupsentinel.web.WebServer;
import io.backupsentinel.web.WebSettings;
import io.backupsentinel.web.status.StatusPages;
import io.backupsentinel.web.status.TableCharts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * First-byte and full-response times of the status page for a fleet of 10,000 tables under the rules in
 * {@code rules/} (EvaluationBench's synthetic fleet, evaluated for real, every finding's opening written to a
 * SQLite history): {@code /}, filtered {@code /findings} pages, and a table page with its timeline and runbook.
 * Each URL is asked {@code ROUNDS} times over one plain HTTP/1.1 connection per request after a warm-up; prints
 * p50, p90 and max in milliseconds. Then times the first request after the findings changed (the snapshot is
 * rebuilt, sorted once, on that request). Run by hand (BENCHMARKS.md, "Status page"):
 * {@code java -Xmx1g -cp target/classes:target/test-classes:$(cat target/bench.classpath)
 * io.backupsentinel.bench.StatusPageBench [TABLES=10000] [ROUNDS=50]}.
 */
public final class StatusPageBench {
    public static void main(String[] args) throws Exception {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        RuleSet rules = new RuleLoader(CheckRegistry.standard()).load(Path.of("rules")).ruleSet();
        Instant now = Instant.parse("2026-11-25T12:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        RegionSnapshot snapshot = EvaluationBench.fleet(tables, now);
        List<Finding> findings = new Evaluator(rules).evaluate(List.of(snapshot), now);
        Path dir = Files.createTempDirectory("status-bench");
        try (HistoryStore store = HistoryStore.open(StoreSettings.sqlite(dir))) {
            FleetView fleet = new FleetView(rules, clock);
            HistorySink history = new HistorySink(store.history(), null, () -> { }, clock);
            List<String> names = rules.rules().stream().map(Rule::name).toList();
            fleet.collecting(snapshot.target(), names, null, now);
            fleet.collected(snapshot, rules, null, new io.backupsentinel.model.AuditRun(now, java.time.Duration.ZERO,
                    List.of(snapshot.target().toString()), names, tables, findings.size(), Map.of(), Map.of()));
            Map<String, List<Finding>> byRule = findings.stream().collect(Collectors.groupingBy(Finding::rule));
            long t0 = System.nanoTime();
            byRule.forEach((rule, list) -> {
                List<Transition> opened = list.stream().map(Transition::opened).toList();
                fleet.evaluated(rule, snapshot.target(), list, List.of());
                history.evaluated(rule, snapshot.target(), list, opened);
            });
            System.out.printf("%d tables, %d rules, %d findings (%d NON_COMPLIANT); history written in %d ms%n",
                    tables, rules.rules().size(), findings.size(),
                    findings.stream().filter(f -> f.status() == Status.NON_COMPLIANT).count(),
                    (System.nanoTime() - t0) / 1_000_000);
            SentinelMetrics metrics = new SentinelMetrics(MetricsSettings.defaults("bench"),
                    SyntheticFleet.recoveryTimes(), clock);
            try (WebServer server = new WebServer(new WebSettings("127.0.0.1", 0, URI.create("http://localhost/")),
                    metrics, () -> new Reloader.Applied("none"), AdminGuard.loopbackOnly(),
                    new StatusPages(fleet, store.queries(), new CheckPlanCoverage(), TableCharts.NONE), null).start()) {
                int port = server.port();
                String table = "/tables/111111111111/us-east-1/fleet-" + (tables / 2);
                List<String> paths = List.of("/", "/findings?status=NON_COMPLIANT&rule=prod-rpo&page=2",
                        "/findings?table=fleet-12&size=100", "/findings?page=100&size=500", table);
                for (String p : paths) {
                    measure(port, p, 20); // warm-up: JIT, template classes
                }
                System.out.println("path | bytes | first byte p50 / p90 / max (ms) | full p50 / p90 / max (ms)");
                for (String p : paths) {
                    print(p, measure(port, p, rounds));
                }
                // After a change: the first request rebuilds the snapshot (collect + sort of every finding).
                List<Finding> pitr = byRule.get(names.get(0));
                long[][] cold = new long[3][rounds];
                for (int i = 0; i < rounds; i++) {
                    fleet.evaluated(names.get(0), snapshot.target(), pitr, List.of());
                    long[] one = once(port, "/");
                    cold[0][i] = one[0];
                    cold[1][i] = one[1];
                    cold[2][i] = one[2];
                }
                print("/ after a change (snapshot rebuilt)", cold);
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static long[][] measure(int port, String path, int rounds) throws IOException {
        long[][] out = new long[3][rounds];
        for (int i = 0; i < rounds; i++) {
            long[] one = once(port, path);
            out[0][i] = one[0];
            out[1][i] = one[1];
            out[2][i] = one[2];
        }
        return out;
    }

    /** nanoseconds to the first byte, to the last byte, and the response's size. */
    private static long[] once(int port, String path) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            long t0 = System.nanoTime();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int first = in.read();
            long firstByte = System.nanoTime() - t0;
            if (first < 0) {
                throw new IOException("no answer to " + path);
            }
            byte[] rest = in.readAllBytes();
            long full = System.nanoTime() - t0;
            String head = new String(rest, 0, Math.min(rest.length, 20), StandardCharsets.US_ASCII);
            if (!head.startsWith("TTP/1.1 200")) {
                throw new IOException(path + " answered " + (char) first + head);
            }
            return new long[]{firstByte, full, rest.length + 1};
        }
    }

    private static void print(String path, long[][] t) {
        System.out.printf("%s | %d | %s | %s%n", path, t[2][0], stats(t[0]), stats(t[1]));
    }

    private static String stats(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("%.1f / %.1f / %.1f", s[s.length / 2] / 1e6, s[(int) (s.length * 0.9)] / 1e6,
                s[s.length - 1] / 1e6);
    }

}
