package io.backupsentinel.bench;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Transition;
import io.backupsentinel.report.ReportSeal;
import io.backupsentinel.report.period.PeriodReport;
import io.backupsentinel.report.period.PeriodReports;
import io.backupsentinel.report.period.ReportFormat;
import io.backupsentinel.report.period.ReportRequest;
import io.backupsentinel.report.period.ReportScope;
import io.backupsentinel.report.period.RuleInfo;
import io.backupsentinel.store.HistoryStore;
import io.backupsentinel.store.StoreSettings;

import io.backupsentinel.metrics.MetricsSettings;
import io.backupsentinel.metrics.SentinelMetrics;
import io.backupsentinel.testing.SyntheticFleet;
import io.backupsentinel.web.AdminGuard;
import io.backupsentinel.web.Reloader;
import io.backupsentinel.web.ReportsHandler;
import io.backupsentinel.web.WebServer;
import io.backupsentinel.web.WebSettings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The time to build and write a 90-day period report for a 10,000-table fleet. The history (seeded, written
 * once into DIR and reused) holds what the daemon writes: 5 rules per table, every finding opened and every
 * table's tags recorded the day before the period, then on average two status changes per table per week (or
 * {@code -Dbench.changesPerWeek} when the history is generated)
 * (COMPLIANT to NON_COMPLIANT or UNKNOWN and back), one posture change per table per month, and each table's
 * backup storage once a day, appended one transaction per simulated hour. Prints the time to build
 * the model from the history, to write each format to a file, and to verify it, with the heap in use.
 *
 * <p>With {@code http} as the last argument the reports are instead downloaded from {@code GET /api/reports} of the
 * daemon's web server (Javalin, the daemon's handler, over loopback HTTP) serving that history: the time to the
 * response's headers (the report is built before the first byte is sent) and to its last byte.
 *
 * <p>Run after {@code mvn -q test-compile} (see BENCHMARKS.md):
 * {@code java -Xmx1g -cp target/classes:target/test-classes:$(cat target/bench.classpath) io.backupsentinel.bench.ReportBench [TABLES] [DAYS] [DIR] [FORMATS, e.g. json,csv] [ROUNDS] [http]}
 */
public final class ReportBench {
    private static final int RULES = 5;
    /** Status changes per table per week over its rules when the history is generated ({@code -Dbench.changesPerWeek}). */
    private static final double CHANGES_PER_WEEK = Double.parseDouble(System.getProperty("bench.changesPerWeek", "2"));
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] TARGETS = {"111111111111/us-east-1", "111111111111/eu-west-1", "222222222222/us-east-1",
        "222222222222/eu-west-1", "333333333333/ap-southeast-2"};

    private ReportBench() {
    }

    public static void main(String[] args) throws IOException {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("report-bench-");
        List<ReportFormat> formats = args.length > 3
                ? java.util.Arrays.stream(args[3].split(",")).map(f -> ReportFormat.valueOf(f.toUpperCase(java.util.Locale.ROOT))).toList()
                : List.of(ReportFormat.values());
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 4;
        Instant from = START.plus(Duration.ofDays(1));
        Instant to = from.plus(Duration.ofDays(days));
        if (!Files.exists(dir.resolve(StoreSettings.SQLITE_FILE))) {
            long t0 = System.nanoTime();
            long written = generate(dir, tables, days, from);
            System.out.printf("generated %d records in %.1f s into %s%n", written, (System.nanoTime() - t0) / 1e9, dir);
        }
        long m0 = System.nanoTime();
        try (HistoryStore migrate = HistoryStore.open(StoreSettings.sqlite(dir))) {
            // Opening for writing migrates a history written by an older version (a no-op when it is current).
            System.out.printf("opened for writing (migrations, if any) in %.1f s%n", (System.nanoTime() - m0) / 1e9);
        }
        List<RuleInfo> rules = new ArrayList<>();
        for (int r = 0; r < RULES; r++) {
            rules.add(new RuleInfo(rule(r), r == 0 ? "rpo" : "pitr", Severity.HIGH, List.of("SOC2 CC9.1", "ISO27001 A.8.13"), "rule " + r));
        }
        try (HistoryStore store = HistoryStore.openReadOnly(StoreSettings.sqlite(dir))) {
            if (args.length > 5 && args[5].equals("http")) {
                served(store, rules, from, to, formats, rounds, dir);
                return;
            }
            for (int round = 1; round <= rounds; round++) {
                // Round 1 warms the JIT and the page cache; the later rounds are the figure.
                long t0 = System.nanoTime();
                long c0 = cpuNanos();
                PeriodReport report = PeriodReports.build(store.queries(),
                        new ReportRequest(from, to, ReportScope.all(), rules, "bench"), to.plusSeconds(1));
                double build = (System.nanoTime() - t0) / 1e9;
                System.out.printf("round %d: build %.2f s, %.2f s of CPU (%d rule-table rows, %d violations, %d changes)%n",
                        round, build, (cpuNanos() - c0) / 1e9, report.times().size(), report.violations().size(),
                        report.changes().size());
                for (ReportFormat f : formats) {
                    Path file = dir.resolve("report." + f.extension());
                    long w0 = System.nanoTime();
                    long wc0 = cpuNanos();
                    try (OutputStream out = Files.newOutputStream(file)) {
                        f.write(report, out);
                    }
                    double write = (System.nanoTime() - w0) / 1e9;
                    double writeCpu = (cpuNanos() - wc0) / 1e9;
                    long v0 = System.nanoTime();
                    boolean ok = ReportSeal.verify(Files.readAllBytes(file)).ok();
                    double verify = (System.nanoTime() - v0) / 1e9;
                    System.out.printf("  %s: build+write %.2f s (write %.2f s, %.2f s of CPU), %.1f MB, verify %.2f s (%s)%n",
                            f, build + write, write, writeCpu, Files.size(file) / 1e6, verify, ok ? "OK" : "FAILED");
                }
                // A daemon keeps no report after sending it: the next round builds without this one alive.
                report = null;
                Runtime rt = Runtime.getRuntime();
                System.out.printf("  heap: max %d MB, in use %d MB before GC%n", rt.maxMemory() >> 20,
                        (rt.totalMemory() - rt.freeMemory()) >> 20);
            }
        }
    }

    /** The reports downloaded from {@code GET /api/reports} of a web server serving the history. */
    private static void served(HistoryStore store, List<RuleInfo> rules, Instant from, Instant to,
                               List<ReportFormat> formats, int rounds, Path dir) throws IOException {
        Clock clock = Clock.fixed(to.plusSeconds(1), ZoneOffset.UTC);
        SentinelMetrics metrics = new SentinelMetrics(MetricsSettings.defaults("bench"), SyntheticFleet.recoveryTimes(), clock);
        HttpClient client = HttpClient.newHttpClient();
        try (WebServer server = new WebServer(new WebSettings("127.0.0.1", 0, URI.create("http://localhost/")), metrics,
                () -> new Reloader.Applied("none"), AdminGuard.loopbackOnly(), null,
                new ReportsHandler(store.queries(), () -> rules, clock, "bench")).start()) {
            for (int round = 1; round <= rounds; round++) {
                System.out.printf("round %d (GET /api/reports):%n", round);
                for (ReportFormat f : formats) {
                    URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/reports?from=" + from + "&to=" + to
                            + "&format=" + f.extension());
                    Path file = dir.resolve("served." + f.extension());
                    long t0 = System.nanoTime();
                    HttpResponse<InputStream> response;
                    try {
                        response = client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofInputStream());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException(e);
                    }
                    double headers = (System.nanoTime() - t0) / 1e9;
                    try (InputStream in = response.body()) {
                        Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                    double full = (System.nanoTime() - t0) / 1e9;
                    if (response.statusCode() != 200) {
                        throw new IOException(uri + " answered " + response.statusCode() + ": " + Files.readString(file));
                    }
                    boolean ok = ReportSeal.verify(Files.readAllBytes(file)).ok();
                    System.out.printf("  %s: build+write %.2f s (headers after %.2f s), %.1f MB, verify %s%n", f, full,
                            headers, Files.size(file) / 1e6, ok ? "OK" : "FAILED");
                }
            }
        }
    }

    private static long generate(Path dir, int tables, int days, Instant from) {
        Random random = new Random(42);
        List<TableRef> refs = new ArrayList<>(tables);
        for (int i = 0; i < tables; i++) {
            String[] target = TARGETS[i % TARGETS.length].split("/");
            refs.add(TableRef.of(target[0], target[1], String.format("service-%05d-orders", i)));
        }
        Map<FindingKey, Finding> current = new HashMap<>();
        long records = 0;
        try (HistoryStore store = HistoryStore.open(StoreSettings.sqlite(dir))) {
            List<Transition> opened = new ArrayList<>();
            for (TableRef t : refs) {
                for (int r = 0; r < RULES; r++) {
                    Finding f = finding(t, r, random.nextInt(10) == 0 ? Status.NON_COMPLIANT : Status.COMPLIANT, START);
                    current.put(FindingKey.of(f), f);
                    opened.add(Transition.opened(f));
                }
            }
            List<PostureChange> seen = new ArrayList<>();
            for (int i = 0; i < tables; i++) {
                TableRef t = refs.get(i);
                seen.add(new PostureChange(t, PostureChange.Aspect.TABLE_TAGS, null,
                        "{\"env\":\"" + (i % 3 == 0 ? "staging" : "prod") + "\",\"team\":\"team-" + i % 40 + "\"}", START));
                seen.add(storage(t, i, 0, START));
            }
            store.history().append(opened, seen, List.of());
            records += opened.size() + seen.size();
            Duration hour = Duration.ofHours(1);
            double changesPerHour = tables * CHANGES_PER_WEEK / 7 / 24;
            double posturePerHour = tables / 30.0 / 24;
            for (long h = 0; h < days * 24L; h++) {
                Instant base = from.plus(hour.multipliedBy(h));
                List<Transition> batch = new ArrayList<>();
                List<PostureChange> posture = new ArrayList<>();
                for (int i = 0, n = (int) Math.round(changesPerHour * (0.5 + random.nextDouble())); i < n; i++) {
                    TableRef t = refs.get(random.nextInt(tables));
                    int r = random.nextInt(RULES);
                    Instant at = base.plusSeconds(i);
                    Finding before = current.get(new FindingKey(rule(r), t.account(), t.region(), t.name()));
                    Status next = before.status() == Status.COMPLIANT
                            ? (random.nextInt(5) == 0 ? Status.UNKNOWN : Status.NON_COMPLIANT) : Status.COMPLIANT;
                    Finding after = finding(t, r, next, at);
                    current.put(FindingKey.of(after), after);
                    batch.add(Transition.changed(before, after));
                }
                for (int i = 0, n = (int) Math.round(posturePerHour * (0.5 + random.nextDouble())); i < n; i++) {
                    posture.add(new PostureChange(refs.get(random.nextInt(tables)), PostureChange.Aspect.PITR_RECOVERY_PERIOD,
                            "35d", "14d", base.plusSeconds(3000 + i)));
                }
                // Each table's storage once a day, spread over the hours: the daemon's StorageLog.
                long day = h / 24 + 1;
                for (int i = (int) (h % 24); i < tables; i += 24) {
                    posture.add(storage(refs.get(i), i, day, base.plusSeconds(1800 + i % 1000)));
                }
                store.history().append(batch, posture, List.of());
                records += batch.size() + posture.size();
            }
        }
        return records;
    }

    /** A table's storage on day {@code day}: its backups grow by a day's worth each day. */
    private static PostureChange storage(TableRef t, int table, long day, Instant at) {
        long size = 1_000_000_000L + table * 7_919L;
        String after = "pitr=" + size + " on_demand=" + size * (day + 1) / 4 + " aws_backup=" + size * (day + 7) / 3;
        String before = day == 0 ? null : "pitr=" + size + " on_demand=" + size * day / 4 + " aws_backup=" + size * (day + 6) / 3;
        return new PostureChange(t, PostureChange.Aspect.BACKUP_STORAGE, before, after, at);
    }

    private static Finding finding(TableRef t, int rule, Status status, Instant at) {
        boolean bad = status != Status.COMPLIANT;
        return new Finding(t.account(), t.region(), t.name(), t.arn(), rule(rule), rule == 0 ? "rpo" : "pitr",
                Severity.HIGH, status, status == Status.UNKNOWN ? "unknown" : bad ? "newest restorable point 26h14m ago"
                        : "newest restorable point 3h02m ago", "newest restorable point at most 24h old",
                status == Status.UNKNOWN ? "DescribeContinuousBackups was throttled; retrying"
                        : bad ? "No restorable backup in 24h" : "Within RPO", at);
    }

    /** The CPU this process has used so far, on every thread (the JIT's and the collector's included). */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String rule(int r) {
        return "posture-" + r;
    }
}
