package io.backupsentinel.metrics;

import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Target;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daemon's own metrics and the JVM and process metrics, as Micrometer meters in a Prometheus registry.
 * These are few and bounded (per rule, per account-region, per AWS operation), so Micrometer renders them
 * on every scrape.
 */
final class SelfMetrics implements AutoCloseable {
    // Buckets from a one-table re-check to a 100,000-table sweep, so dashboards can take quantiles.
    private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(15), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
            Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Bumped by every update, so the next scrape renders afresh; a scrape racing an update may show it up
    // to 3 s late (the shared rendering's bound), never later.
    private final AtomicLong version = new AtomicLong();
    private final SharedRender<byte[]> rendered = new SharedRender<>("metrics-self",
            now -> registry.scrape().getBytes(StandardCharsets.UTF_8), 1000, 3000);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Timer audit = timer(Meters.AUDIT_DURATION, Meters.AUDIT_DURATION_HELP);
    private final Timer collection = timer(Meters.COLLECTION_DURATION, Meters.COLLECTION_DURATION_HELP);
    private final Timer evaluation = timer(Meters.EVALUATION_DURATION, Meters.EVALUATION_DURATION_HELP);
    private final Map<String, Double> lastAudit = new ConcurrentHashMap<>();
    private final Map<Target, Double> lastCollection = new ConcurrentHashMap<>();
    private final MultiGauge lastAuditGauge = MultiGauge.builder(Meters.LAST_AUDIT)
            .description(Meters.LAST_AUDIT_HELP).register(registry);
    private final MultiGauge lastCollectionGauge = MultiGauge.builder(Meters.LAST_COLLECTION)
            .description(Meters.LAST_COLLECTION_HELP).register(registry);
    private final AtomicLong rulesLoaded = gauge(Meters.RULES_LOADED, Meters.RULES_LOADED_HELP);
    private final AtomicLong outboxDepth = gauge(Meters.OUTBOX_DEPTH, Meters.OUTBOX_DEPTH_HELP);
    private final AtomicLong historyQueueDepth = gauge(Meters.HISTORY_QUEUE_DEPTH, Meters.HISTORY_QUEUE_DEPTH_HELP);
    private final Counter reloadFailures = Counter.builder(Meters.RULE_RELOAD_FAILURES)
            .description(Meters.RULE_RELOAD_FAILURES_HELP).register(registry);

    SelfMetrics(String version, String revision) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        Gauge.builder(Meters.BUILD_INFO, () -> 1).description(Meters.BUILD_INFO_HELP)
                .tags("version", version, "revision", revision).register(registry);
        // Zero-valued series for each delivery outcome, so rate() has a baseline before the first failure.
        deliveryFailures(false);
        deliveryFailures(true);
    }

    /**
     * Synchronized, like {@link #retainRules}: the rows of the last-audit and last-collection gauges are registered
     * by one thread at a time.
     */
    synchronized void run(AuditRun run) {
        version.incrementAndGet();
        audit.record(run.duration());
        double end = seconds(run.startedAt().plus(run.duration()));
        run.rules().forEach(rule -> lastAudit.put(rule, end));
        for (String scope : run.scope()) {
            Target t = target(scope);
            // Registered at zero on success too: increase() only sees a failure that follows a sample.
            Counter failures = collectionFailures(t);
            if (run.failures().containsKey(scope)) {
                failures.increment();
            } else {
                lastCollection.put(t, end);
            }
        }
        register(lastAuditGauge, lastAudit, rule -> Tags.of("rule", rule));
        register(lastCollectionGauge, lastCollection, t -> Tags.of("account", t.account(), "region", t.region()));
    }

    /** Forgets rules that left the rule set, so their last-audit series end. */
    synchronized void retainRules(java.util.Collection<String> rules) {
        version.incrementAndGet();
        lastAudit.keySet().retainAll(rules);
        register(lastAuditGauge, lastAudit, rule -> Tags.of("rule", rule));
    }

    /**
     * One series per key of {@code last}, each a gauge that reads its key's value when scraped and is kept from one
     * registration to the next; keys gone from the map lose theirs. A row re-registered with a new value
     * (MultiGauge's overwrite) is removed and added again, and a scrape meanwhile could see both and fail on the
     * duplicate labels (micrometer#6851). A gauge holds its key weakly; the map holds it while the series lives.
     */
    private static <K> void register(MultiGauge gauge, Map<K, Double> last, java.util.function.Function<K, Tags> tags) {
        gauge.register(last.keySet().stream()
                .map(k -> MultiGauge.Row.of(tags.apply(k), k, key -> last.getOrDefault(key, Double.NaN))).toList(), false);
    }

    void collection(Duration took) {
        version.incrementAndGet();
        collection.record(took);
    }

    void evaluation(Duration took) {
        version.incrementAndGet();
        evaluation.record(took);
    }

    void awsRequests(String service, String operation, String outcome, long count) {
        version.incrementAndGet();
        if (!Meters.AWS_OUTCOMES.contains(outcome)) {
            throw new IllegalArgumentException("outcome '" + outcome + "' is not one of " + Meters.AWS_OUTCOMES);
        }
        Counter.builder(Meters.AWS_REQUESTS).description(Meters.AWS_REQUESTS_HELP)
                .tags("service", service, "operation", operation, "outcome", outcome).register(registry).increment(count);
        if (Meters.OUTCOME_THROTTLED.equals(outcome)) {
            Counter.builder(Meters.AWS_THROTTLES).description(Meters.AWS_THROTTLES_HELP)
                    .tags("service", service, "operation", operation).register(registry).increment(count);
        }
    }

    void rulesLoaded(int n) {
        version.incrementAndGet();
        rulesLoaded.set(n);
    }

    void ruleReloadFailed() {
        version.incrementAndGet();
        reloadFailures.increment();
    }

    void outboxDepth(long n) {
        version.incrementAndGet();
        outboxDepth.set(n);
    }

    void historyQueueDepth(long n) {
        version.incrementAndGet();
        historyQueueDepth.set(n);
    }

    Counter deliveryFailures(boolean deadLettered) {
        version.incrementAndGet();
        return Counter.builder(Meters.ALERT_DELIVERY_FAILURES).description(Meters.ALERT_DELIVERY_FAILURES_HELP)
                .tag("outcome", deadLettered ? "dead_letter" : "retry").register(registry);
    }

    /**
     * Micrometer's text. Its JVM and process gauges (thread dumps for thread states, /proc reads) cost
     * milliseconds, so one rendering is shared by the scrapes of one second; any update through this class
     * makes the next scrape render afresh.
     */
    byte[] scrape() {
        return rendered.get(version.get(), System.nanoTime() / 1_000_000);
    }

    @Override
    public void close() {
        rendered.close();
        gc.close();
        registry.close();
    }

    private Counter collectionFailures(Target t) {
        return Counter.builder(Meters.COLLECTION_FAILURES).description(Meters.COLLECTION_FAILURES_HELP)
                .tags("account", t.account(), "region", t.region()).register(registry);
    }

    private Timer timer(String name, String help) {
        return Timer.builder(name).description(help).serviceLevelObjectives(BUCKETS).register(registry);
    }

    private AtomicLong gauge(String name, String help) {
        AtomicLong value = new AtomicLong();
        Gauge.builder(name, value, AtomicLong::doubleValue).description(help).strongReference(true).register(registry);
        return value;
    }

    private static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    /** "111111111111/us-east-1" as AuditRun writes its scope. */
    static Target target(String scope) {
        int slash = scope.indexOf('/');
        if (slash <= 0 || slash == scope.length() - 1) {
            throw new IllegalArgumentException("audit scope '" + scope + "' is not ACCOUNT/REGION");
        }
        return new Target(scope.substring(0, slash), scope.substring(slash + 1));
    }
}
