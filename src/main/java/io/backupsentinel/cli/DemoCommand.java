package io.backupsentinel.cli;

import io.backupsentinel.alert.PagerDutySettings;
import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.aws.CloudWatchSettings;
import io.backupsentinel.metrics.MetricsSettings;
import io.backupsentinel.model.Severity;
import io.backupsentinel.rule.LoadResult;
import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.sandbox.http.ControlPaths;
import io.backupsentinel.sandbox.scenario.ScenarioException;
import io.backupsentinel.schedule.DaemonTiming;
import io.backupsentinel.store.StoreSettings;
import io.backupsentinel.web.WebSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code demo}: the daemon against the embedded sandbox and its demo scenario, the sandbox clock running in real
 * time, so one run shows the whole life of an incident: table {@code carts} breaches its RPO about two minutes
 * after start (metric, alert, page), and its next backup lands about five minutes after start (resolve). Pages go
 * to the sandbox's PagerDuty stand-in, which shows what arrived.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the daemon against the embedded sandbox's demo world (no AWS account needed): /metrics,"
                + " findings, and a PagerDuty-style page sent and resolved for an RPO breach a few minutes in.")
final class DemoCommand implements Callable<Integer> {
    /** The demo's routing key: the sandbox's PagerDuty stand-in checks its shape, nothing more. */
    static final String DEMO_ROUTING_KEY = "demo0000000000000000000000000000";

    @Option(names = "--port", paramLabel = "N", defaultValue = "9797",
            description = "web port for /metrics and the health endpoints (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "where the history is kept (default: a new temporary directory)")
    Path dataDir;

    @Option(names = "--scenario", paramLabel = "FILE", description = "scenario file (default: the bundled demo)")
    Path scenario;

    @Override
    public Integer call() throws Exception {
        Path ruleDir = RuleSource.bundled();
        LoadResult loaded = RuleSource.loadPrintingErrors(ruleDir, System.err);
        if (!loaded.isValid()) {
            return 2;
        }
        Sandbox box;
        try {
            box = Sandbox.start(scenario, 0);
        } catch (ScenarioException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(box::close, "sandbox-shutdown"));
        Path data = dataDir != null ? dataDir : Files.createTempDirectory("backup-sentinel-demo");
        AwsSettings aws = SandboxSettings.wholeWorld(box.world(), box.faults())
                .withEndpoint(URI.create(box.endpoint()), Sandbox.ACCESS_KEY, Sandbox.SECRET_KEY);
        URI web = URI.create("http://localhost:" + (port == 0 ? 9797 : port) + "/");
        URI inbox = URI.create(box.endpoint() + ControlPaths.PAGERDUTY);
        PagerDutySettings pagerDuty = new PagerDutySettings(true, URI.create(box.endpoint()
                + ControlPaths.PAGERDUTY_ENQUEUE), DEMO_ROUTING_KEY, "demo", Severity.CRITICAL, Set.of("rpo"), web,
                PagerDutySettings.DEFAULT_BLIND_AFTER, true);
        // Collections every 5m at most for rules without a schedule; breaching tables re-checked every 30s.
        DaemonTiming timing = new DaemonTiming(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(30),
                Duration.ofSeconds(2));
        DaemonRuntime.Settings settings = new DaemonRuntime.Settings(ruleDir, loaded.ruleSet(), aws, timing,
                StoreSettings.sqlite(data), pagerDuty, new WebSettings("127.0.0.1", port, web),
                MetricsSettings.defaults(BuildInfo.version()), CloudWatchSettings.defaults(), box.clock());
        System.out.println("Backup Sentinel demo: the daemon against the embedded AWS (" + box.endpoint() + ")");
        System.out.println("  status:     " + web + "   (findings, each table's page and runbook)");
        System.out.println("  metrics:    " + web.resolve("metrics"));
        System.out.println("  health:     " + web.resolve("-/healthy") + " and " + web.resolve("-/ready"));
        System.out.println("  pages:      " + inbox + "   (the sandbox's PagerDuty stand-in)");
        System.out.println("  history:    " + data.resolve(StoreSettings.SQLITE_FILE)
                + "   (check it: verify --history --data-dir " + data + ")");
        System.out.println("Table carts breaches its 1h RPO about 2 minutes from now and gets a new backup about"
                + " 5 minutes from now; watch the log, " + web.resolve("metrics") + " and the pages. Stop with Ctrl-C.");
        return RunCommand.runUntilStopped(settings);
    }
}
