package io.backupsentinel.cli;

import io.backupsentinel.alert.AlertPolicy;
import io.backupsentinel.alert.DispatchStats;
import io.backupsentinel.alert.Dispatcher;
import io.backupsentinel.alert.PagerDutySettings;
import io.backupsentinel.aws.AwsCollector;
import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.aws.CloudWatchPublisher;
import io.backupsentinel.aws.CloudWatchSettings;
import io.backupsentinel.check.RecoveryPoints;
import io.backupsentinel.check.RestoreTestCheck;
import io.backupsentinel.engine.FindingSinks;
import io.backupsentinel.engine.FleetView;
import io.backupsentinel.engine.HistorySink;
import io.backupsentinel.engine.LoggingSink;
import io.backupsentinel.engine.MetricsSink;
import io.backupsentinel.engine.Monitor;
import io.backupsentinel.metrics.MetricsSettings;
import io.backupsentinel.metrics.RecoveryTimes;
import io.backupsentinel.metrics.SentinelMetrics;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.rule.RuleSet;
import io.backupsentinel.schedule.Daemon;
import io.backupsentinel.schedule.DaemonTiming;
import io.backupsentinel.store.HistoryStore;
import io.backupsentinel.store.ResilientHistory;
import io.backupsentinel.store.StoreSettings;
import io.backupsentinel.web.AdminGuard;
import io.backupsentinel.web.Reloader;
import io.backupsentinel.web.ReportsHandler;
import io.backupsentinel.web.WebServer;
import io.backupsentinel.web.WebSettings;
import io.backupsentinel.web.status.StatusPages;
import io.backupsentinel.web.chart.HistoryCharts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import io.backupsentinel.cost.PriceTable;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The daemon's parts, wired: the history (restored first, so a restart repeats nothing), the alert policy and
 * its dispatcher, metrics, the collector, the monitor and its Quartz schedule, rule reload and the web server.
 * {@code run} starts it against AWS, {@code demo} against the embedded sandbox. {@link #close()} stops it in a
 * bounded time: no new work, running jobs finish or are abandoned, queued history writes and the outbox flushed.
 */
final class DaemonRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonRuntime.class);
    /** The checks whose failing tables are re-collected every recheck_every: a new backup fixes them. */
    static final Set<String> FRESHNESS_CHECKS = Set.of("rpo", "pitr", "export", "restore_test");
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    /** Everything the daemon is configured with. */
    record Settings(Path ruleSource, RuleSet rules, AwsSettings aws, DaemonTiming timing, StoreSettings store,
                    PagerDutySettings pagerDuty, WebSettings web, MetricsSettings metrics, CloudWatchSettings cloudWatch,
                    Clock clock, PriceTable prices) {
        /** With AWS's list prices for the storage estimate. */
        Settings(Path ruleSource, RuleSet rules, AwsSettings aws, DaemonTiming timing, StoreSettings store,
                 PagerDutySettings pagerDuty, WebSettings web, MetricsSettings metrics, CloudWatchSettings cloudWatch,
                 Clock clock) {
            this(ruleSource, rules, aws, timing, store, pagerDuty, web, metrics, cloudWatch, clock,
                    PriceTable.AWS_LIST_PRICES);
        }
    }

    private final HistoryStore store;
    private final ResilientHistory history;
    private final Dispatcher dispatcher;
    private final SentinelMetrics metrics;
    private final AwsCollector collector;
    private final Monitor monitor;
    private final FleetView fleet;
    private final Daemon daemon;
    private final RuleReloader reloader;
    private final WebServer web;
    private final ScheduledExecutorService housekeeping;
    /** Null unless cloudwatch.enabled. */
    private final CloudWatchTask cloudWatch;

    /**
     * Starts everything; throws {@link io.backupsentinel.store.StoreException} (history unusable),
     * IllegalStateException/IllegalArgumentException (AWS settings) or IOException with a message fit for a user.
     */
    DaemonRuntime(Settings s) throws Exception {
        store = HistoryStore.open(s.store());
        boolean started = false;
        try {
            history = new ResilientHistory(store.history());
            Map<FindingKey, Finding> current = history.current();
            AlertPolicy policy = new AlertPolicy(s.pagerDuty());
            policy.restore(current);
            dispatcher = s.pagerDuty().enabled()
                    ? new Dispatcher(s.pagerDuty(), store.outbox(), s.clock(), Dispatcher.Options.DEFAULTS).start() : null;
            metrics = new SentinelMetrics(s.metrics(),
                    new RecoveryTimes(RecoveryPoints::newestInstants, RestoreTestCheck::lastValidatedRestore), s.clock());
            collector = new AwsCollector(s.aws(), (service, operation, outcome) ->
                    metrics.awsRequests(service, operation, outcome, 1), s.clock());
            HistorySink historySink = new HistorySink(history, policy, dispatcher == null ? () -> { } : dispatcher::wake,
                    s.clock());
            MetricsSink metricsSink = new MetricsSink(metrics, s.rules(), s.prices());
            fleet = new FleetView(s.rules(), s.clock());
            fleet.restore(current);
            monitor = new Monitor(collector, s.rules(), s.clock(),
                    FindingSinks.of(new LoggingSink(), metricsSink, fleet, historySink),
                    s.timing()::staleAfter);
            monitor.restore(current);
            daemon = new Daemon(monitor, s.timing(), FRESHNESS_CHECKS);
            reloader = new RuleReloader(s.ruleSource(), daemon);
            Monitor reportRules = monitor;
            web = new WebServer(s.web(), metrics, this::reload, AdminGuard.loopbackOnly(),
                    new StatusPages(fleet, store.queries(), new CheckPlanCoverage(), new HistoryCharts(), s.prices()),
                    new ReportsHandler(store.queries(), () -> RuleInfos.of(reportRules.rules()), s.clock(),
                            BuildInfo.version())).start();
            housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "housekeeping");
                t.setDaemon(true);
                return t;
            });
            AtomicLong failuresSeen = new AtomicLong();
            AtomicLong deadSeen = new AtomicLong();
            housekeeping.scheduleWithFixedDelay(() -> housekeep(policy, historySink, failuresSeen, deadSeen),
                    1, 1, TimeUnit.SECONDS);
            // History older than store.retention goes once a day; a checkpoint keeps the chain verifiable.
            housekeeping.scheduleWithFixedDelay(this::prune, 1, 24, TimeUnit.HOURS);
            cloudWatch = s.cloudWatch().enabled()
                    ? new CloudWatchTask(CloudWatchPublisher.open(s.aws(), s.cloudWatch()), monitor, metricsSink) : null;
            if (cloudWatch != null) {
                long every = s.cloudWatch().every().toMillis();
                housekeeping.scheduleWithFixedDelay(cloudWatch, every, every, TimeUnit.MILLISECONDS);
            }
            daemon.start();
            startReloadTriggers(s.ruleSource());
            LOG.info("running {} rule(s) from {}; history in {}; PagerDuty {}; web on port {}", s.rules().rules().size(),
                    s.ruleSource(), store.describe(), s.pagerDuty().enabled() ? "on" : "off", web.port());
            started = true;
        } finally {
            if (!started) {
                store.close();
            }
        }
    }

    private void startReloadTriggers(Path ruleSource) {
        reloader.onSighup();
        try {
            reloader.watch();
        } catch (IOException | RuntimeException e) {
            LOG.warn("rule files are not watched ({}): reload with SIGHUP or POST /-/reload", e.getMessage());
        }
    }

    private Reloader.Result reload() {
        RuleReloader.Outcome o = reloader.reload("POST /-/reload");
        if (!o.applied()) {
            metrics.ruleReloadFailed();
            return new Reloader.Rejected(o.errors());
        }
        return new Reloader.Applied(o.rules() + " rule(s) in force");
    }

    /** Once a second: readiness, gauges of queues, delivery failures, and "audit blind" events that fell due. */
    private void housekeep(AlertPolicy policy, HistorySink historySink, AtomicLong failuresSeen, AtomicLong deadSeen) {
        try {
            if (daemon.ready()) {
                web.ready();
            }
            metrics.historyQueueDepth(history.depth());
            if (dispatcher != null) {
                metrics.outboxDepth(store.outbox().depth("pagerduty"));
                DispatchStats stats = dispatcher.stats();
                for (long i = failuresSeen.getAndSet(stats.retried()); i < stats.retried(); i++) {
                    metrics.alertDeliveryFailed(false);
                }
                for (long i = deadSeen.getAndSet(stats.deadLettered()); i < stats.deadLettered(); i++) {
                    metrics.alertDeliveryFailed(true);
                }
            }
            policy.nextDeadline().filter(at -> !at.isAfter(monitor.clock().instant())).ifPresent(at -> historySink.tick());
        } catch (RuntimeException e) {
            LOG.warn("housekeeping failed: {}", e.toString());
        }
    }

    private void prune() {
        try {
            store.prune(monitor.clock().instant()).ifPresent(c -> LOG.info("history pruned: {}", c));
        } catch (RuntimeException e) {
            LOG.warn("pruning the history failed (it will be tried again tomorrow): {}", e.toString());
        }
    }

    int webPort() {
        return web.port();
    }

    Monitor monitor() {
        return monitor;
    }

    boolean ready() {
        return daemon.ready();
    }

    @Override
    public void close() {
        LOG.info("stopping: no new work; running jobs get {}", STOP_GRACE);
        daemon.close(STOP_GRACE);
        reloader.close();
        housekeeping.shutdownNow();
        if (cloudWatch != null) {
            cloudWatch.close();
        }
        collector.close();
        try {
            if (!history.flush(Duration.ofSeconds(10))) {
                LOG.error("{} history record(s) could not be written before stopping: {}", history.depth(),
                        history.lastError());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        history.close();
        if (dispatcher != null) {
            dispatcher.close();
        }
        web.close();
        metrics.close();
        store.close();
        LOG.info("stopped");
    }
}
