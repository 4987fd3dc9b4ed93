package io.backupsentinel.bench;

import io.backupsentinel.aws.AwsCollector;
import io.backupsentinel.aws.AwsRequestListener;
import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.Target;
import io.backupsentinel.sandbox.backup.BackupHandler;
import io.backupsentinel.sandbox.dynamodb.DynamoDbHandler;
import io.backupsentinel.sandbox.fault.SandboxGate;
import io.backupsentinel.sandbox.http.SandboxServer;
import io.backupsentinel.sandbox.scenario.Scenario;
import io.backupsentinel.sandbox.scenario.ScenarioLoader;
import io.backupsentinel.sandbox.state.VirtualClock;
import io.backupsentinel.sandbox.sts.StsHandler;
import io.backupsentinel.sandbox.tagging.TaggingHandler;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs one collection of every target of a sandbox fleet scenario through {@link AwsCollector} over HTTP,
 * all targets at once, and prints calls per table, wall time against the floor (tables ÷ the
 * DescribeContinuousBackups rate, per account-region, since account-regions run in parallel) and heap.
 * Not a test. Run after {@code mvn -q test-compile}:
 * <pre>
 * java -Xmx512m -cp target/classes:target/test-classes:$(mvn -q dependency:build-classpath -Dmdep.outputFile=/dev/stdout) \
 *   io.backupsentinel.bench.CollectorBenchmark fleet-10k.yml [--scale 10] [--concurrency 16]
 * </pre>
 * The scenario is a bundled name (fleet-10k.yml, fleet-20x2k.yml, fleet-100k.yml) or a file path.
 * {@code --scale} multiplies the sandbox's AWS limits and the collector's rates alike (default: the
 * scenario's own {@code faults.scale}), so a long fleet can be measured in less time.
 *
 * <p>With {@code --endpoint URL} the sandbox runs in another JVM (started with the same scenario, e.g.
 * {@code java -jar target/backup-sentinel.jar sandbox --scenario FILE --port N}, its limits scaled by the
 * scenario's {@code faults.scale}, which {@code --scale} must then equal): this JVM only collects, so its CPU
 * and heap figures are the collector's own. The scenario file is then read only for its accounts, keys and
 * regions (see {@link ScenarioOutline}), not built into a world.
 */
public final class CollectorBenchmark {
    private static final String DEFAULT_KEY = "AKIABENCHDEFAULT0001";

    private CollectorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length > 0 && !args[0].startsWith("--") ? args[0] : "fleet-10k.yml";
        Double scaleArg = option(args, "--scale");
        Double concurrency = option(args, "--concurrency");
        String endpoint = textOption(args, "--endpoint");
        if (endpoint != null) {
            ScenarioOutline outline = ScenarioOutline.read(name);
            double scale = scaleArg != null ? scaleArg : outline.scale();
            System.out.printf("sandbox at %s (another JVM); scenario %s; client rates x%s%n", endpoint, name, scale);
            List<AwsCollector> collectors = new ArrayList<>();
            List<Target> targets = new ArrayList<>();
            List<AwsCollector> owners = new ArrayList<>();
            OutcomeCounts counts = new OutcomeCounts();
            for (ScenarioOutline.Account a : outline.accounts()) {
                AwsCollector c = collector(a.regions(), a.key() == null ? DEFAULT_KEY : a.key(), scale,
                        concurrency, URI.create(endpoint), counts, VirtualClock.system());
                collectors.add(c);
                for (Target t : c.targets()) {
                    targets.add(t);
                    owners.add(c);
                }
            }
            run(targets, owners, scale, counts);
            collectors.forEach(AwsCollector::close);
            return;
        }

        VirtualClock clock = VirtualClock.system();
        long loadStart = System.nanoTime();
        Scenario scenario = Files.exists(Path.of(name)) ? ScenarioLoader.load(Path.of(name), clock)
                : ScenarioLoader.loadBundled(name, clock);
        double scale = scaleArg != null ? scaleArg : scenario.faults().scale();
        SandboxGate gate = scenario.gate();
        gate.profile(scenario.faults().profile(), scale);
        System.out.printf("scenario %s loaded in %.1fs; limits profile %s x%s%n", name,
                (System.nanoTime() - loadStart) / 1e9, scenario.faults().profile(), scale);

        try (SandboxServer server = new SandboxServer(scenario.world(), List.of(new DynamoDbHandler(),
                new TaggingHandler(), new StsHandler(scenario.world()), new BackupHandler())).start(0)) {
            server.setGate(gate);
            List<AwsCollector> collectors = new ArrayList<>();
            List<Target> targets = new ArrayList<>();
            List<AwsCollector> owners = new ArrayList<>();
            OutcomeCounts counts = new OutcomeCounts();
            scenario.world().accounts().forEach((id, account) -> {
                String key = keyOf(scenario, id);
                if (key == null) {
                    System.out.println("skipping account " + id + ": it has no access key and is not the default");
                    return;
                }
                AwsCollector c = collector(List.copyOf(account.regions().keySet()), key, scale, concurrency,
                        URI.create(server.endpoint()), counts, clock);
                collectors.add(c);
                for (Target t : c.targets()) {
                    targets.add(t);
                    owners.add(c);
                }
            });
            run(targets, owners, scale, counts);
            collectors.forEach(AwsCollector::close);
        }
    }

    private static AwsCollector collector(List<String> regions, String key, double scale, Double concurrency,
                                          URI endpoint, OutcomeCounts counts, VirtualClock clock) {
        AwsSettings settings = AwsSettings.defaults()
                .withRegions(regions)
                .withRateLimits(new AwsSettings.RateLimits(Map.of(), scale))
                .withMaxConcurrency(concurrency == null ? 16 : concurrency.intValue())
                .withEndpoint(endpoint, StaticCredentialsProvider.create(AwsBasicCredentials.create(key, "bench")));
        return new AwsCollector(settings, counts, clock);
    }

    private static void run(List<Target> targets, List<AwsCollector> owners, double scale, OutcomeCounts counts)
            throws Exception {
        CollectionRequest request = CollectionRequest.everything(Duration.ofDays(35));
        ExecutorService pool = Executors.newFixedThreadPool(targets.size());
        long start = System.nanoTime();
        List<Future<RegionSnapshot>> futures = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            AwsCollector c = owners.get(i);
            futures.add(pool.submit(() -> c.collect(t, request)));
        }
        List<RegionSnapshot> snapshots = new ArrayList<>();
        for (Future<RegionSnapshot> f : futures) {
            snapshots.add(f.get());
        }
        double wall = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf("attempts by outcome %s; DescribeContinuousBackups from %.1fs to %.1fs after the start%n",
                counts.outcomes(), (counts.firstPitrNanos() - start) / 1e9, (counts.lastPitrNanos() - start) / 1e9);

        long tables = 0;
        long calls = 0;
        long biggest = 0;
        for (RegionSnapshot s : snapshots) {
            long n = s.tables().size();
            long c = s.requests().values().stream().mapToLong(Long::longValue).sum();
            tables += n;
            calls += c;
            biggest = Math.max(biggest, n);
            System.out.printf("  %-28s tables %6d  calls %7d  (%.3f/table)%s%s%n", s.target(), n, c,
                    n == 0 ? 0.0 : (double) c / n, s.failure() == null ? "" : "  FAILED: " + s.failure(),
                    unknownFacts(s));
        }
        double floor = biggest / (10.0 * scale);
        System.gc();
        long heapNow = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long heapPeak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                heapPeak += p.getPeakUsage().getUsed();
            }
        }
        System.out.printf("targets %d, tables %d, calls %d, calls/table %.3f%n", snapshots.size(), tables, calls,
                tables == 0 ? 0.0 : (double) calls / tables);
        System.out.printf("wall %.1fs, floor %.1fs (largest account-region %d tables / DescribeContinuousBackups"
                + " %.1f/s), wall/floor %.2f%n", wall, floor, biggest, 10.0 * scale, floor == 0 ? 0 : wall / floor);
        System.out.printf("heap used after GC (the snapshots, and the sandbox world when it runs in this JVM) %d MB, sum of heap pools' peaks %d MB (overstates: pools peak at different times), max %d MB%n",
                heapNow >> 20, heapPeak >> 20, Runtime.getRuntime().maxMemory() >> 20);
        if (snapshots.isEmpty()) {
            System.out.println("no targets");
        }
    }

    /** Facts that could not be collected, by kind: a sweep that lost a listing is not a complete sweep. */
    private static String unknownFacts(RegionSnapshot s) {
        Map<String, Integer> unknown = new java.util.TreeMap<>();
        for (io.backupsentinel.model.TableFacts t : s.tables()) {
            count(unknown, "pitr", t.pitr());
            count(unknown, "on-demand backups", t.onDemandBackups());
            count(unknown, "recovery points", t.recoveryPoints());
            count(unknown, "exports", t.exports());
            count(unknown, "plans", t.plans());
            count(unknown, "vaults", t.vaults());
            count(unknown, "backup jobs", t.backupJobs());
            count(unknown, "copy jobs", t.copyJobs());
            count(unknown, "restore jobs", t.restoreJobs());
        }
        return unknown.isEmpty() ? "  every fact collected" : "  UNKNOWN facts (tables): " + unknown;
    }

    private static void count(Map<String, Integer> unknown, String kind, io.backupsentinel.model.Fact<?> fact) {
        if (!fact.known()) {
            unknown.merge(kind, 1, Integer::sum);
        }
    }

    private static String keyOf(Scenario scenario, String account) {
        for (Map.Entry<String, String> e : scenario.world().accessKeys().entrySet()) {
            if (e.getValue().equals(account)) {
                return e.getKey();
            }
        }
        return account.equals(scenario.world().defaultAccount()) ? DEFAULT_KEY : null;
    }

    private static String textOption(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return null;
    }

    /** Attempts by outcome (throttled ones show the client running over the server's limits), and when
     *  the per-table calls started and ended (a late start means listings held the sweep back). */
    private static final class OutcomeCounts implements AwsRequestListener {
        private final Map<String, java.util.concurrent.atomic.LongAdder> byOutcome =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicLong firstPitr = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicLong lastPitr = new java.util.concurrent.atomic.AtomicLong();

        @Override
        public void onRequest(String service, String operation, String outcome) {
            String key = "success".equals(outcome) ? outcome : operation + " " + outcome;
            byOutcome.computeIfAbsent(key, k -> new java.util.concurrent.atomic.LongAdder()).increment();
            if ("DescribeContinuousBackups".equals(operation)) {
                long now = System.nanoTime();
                firstPitr.compareAndSet(0, now);
                lastPitr.accumulateAndGet(now, Math::max);
            }
        }

        Map<String, Long> outcomes() {
            Map<String, Long> out = new java.util.TreeMap<>();
            byOutcome.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }

        long firstPitrNanos() {
            return firstPitr.get();
        }

        long lastPitrNanos() {
            return lastPitr.get();
        }
    }

    private static Double option(String[] args, String name) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Double.parseDouble(args[i + 1]);
            }
        }
        return null;
    }
}
