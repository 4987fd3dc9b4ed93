package io.backupsentinel.cli;

import io.backupsentinel.aws.AwsCollector;
import io.backupsentinel.engine.Audit;
import io.backupsentinel.engine.Monitor;
import io.backupsentinel.model.TimeMath;
import io.backupsentinel.rule.LoadResult;
import io.backupsentinel.schedule.Daemon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code run}: the daemon: collects on an interval and evaluates each rule on its schedule until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the daemon: collect backup facts every daemon.collect_every and evaluate each rule on"
                + " its schedule, logging every status change, until stopped (SIGTERM).")
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
        Clock clock = Clock.systemUTC();
        AwsCollector collector;
        try {
            collector = new AwsCollector(cfg.aws(), (s, o, r) -> { }, clock);
        } catch (IllegalStateException e) {
            System.err.println("cannot start: " + e.getMessage());
            return 2;
        }
        // Facts older than three collection intervals mean collection is failing: judge them UNKNOWN.
        Monitor monitor = new Monitor(new Audit(collector, clock), loaded.ruleSet(), clock,
                TimeMath.times(cfg.collectEvery(), 3));
        Daemon daemon = new Daemon(monitor, cfg.collectEvery(), cfg.evaluateEvery());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            daemon.close();
            collector.close();
            stopped.countDown();
        }, "shutdown"));
        daemon.start();
        LOG.info("running {} rules from {}; collecting every {}", loaded.ruleSet().rules().size(), ruleDir,
                cfg.collectEvery());
        stopped.await();
        return 0;
    }
}
