package io.backupsentinel.cli;

import io.backupsentinel.config.ConfigException;
import io.backupsentinel.config.SentinelConfig;
import io.backupsentinel.metrics.MetricsSettings;
import io.backupsentinel.rule.LoadResult;
import io.backupsentinel.schedule.DaemonTiming;
import io.backupsentinel.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code run}: the daemon, until SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the daemon: collect each rule's facts on its schedule, report every finding change the"
                + " moment it happens (RPO deadlines without an AWS call), keep the history, serve /metrics and page"
                + " PagerDuty, until stopped (SIGTERM).")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "configuration file")
    Path config;

    @Override
    public Integer call() throws Exception {
        SentinelConfig cfg;
        try {
            cfg = SentinelConfig.load(config);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Path ruleDir = RuleSource.resolve(null, cfg, false);
        LoadResult loaded = RuleSource.loadPrintingErrors(ruleDir, System.err);
        if (!loaded.isValid()) {
            return 2;
        }
        DaemonTiming timing = new DaemonTiming(cfg.daemon().collectEvery(), cfg.daemon().evaluateEvery(), cfg.daemon().recheckEvery(),
                Duration.ofSeconds(2));
        DaemonRuntime.Settings settings = new DaemonRuntime.Settings(ruleDir, loaded.ruleSet(), cfg.aws(), timing,
                cfg.store(), cfg.pagerDuty(), cfg.web(),
                new MetricsSettings(cfg.perTableFindings(), BuildInfo.version(), "unknown"), cfg.cloudWatch(),
                Clock.systemUTC(), cfg.prices());
        return runUntilStopped(settings);
    }

    /** Starts the daemon and waits for SIGTERM; a fault at start is one line and exit 2. */
    static int runUntilStopped(DaemonRuntime.Settings settings) throws InterruptedException {
        DaemonRuntime runtime;
        try {
            runtime = new DaemonRuntime(settings);
        } catch (StoreException e) {
            System.err.println("cannot start: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            // Settings were validated when read; what fails here is the environment (a port in use, AWS
            // settings the SDK refuses) or a bug, so the cause is logged in full.
            LOG.error("cannot start", e);
            System.err.println("cannot start: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runtime.close();
            stopped.countDown();
        }, "shutdown"));
        LOG.info("started; stop with SIGTERM");
        stopped.await();
        return 0;
    }
}
