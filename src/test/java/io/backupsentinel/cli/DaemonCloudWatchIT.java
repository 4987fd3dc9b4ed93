package io.backupsentinel.cli;

import io.backupsentinel.alert.PagerDutySettings;
import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.aws.CloudWatchSettings;
import io.backupsentinel.metrics.MetricsSettings;
import io.backupsentinel.rule.LoadResult;
import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.sandbox.cloudwatch.PublishedMetric;
import io.backupsentinel.schedule.DaemonTiming;
import io.backupsentinel.store.StoreSettings;
import io.backupsentinel.web.WebSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The daemon with {@code cloudwatch.enabled}, on the bundled rules against the demo sandbox. */
class DaemonCloudWatchIT {
    @TempDir
    Path data;

    @Test
    void the_daemon_publishes_counts_per_rule_and_the_worst_effective_rpo_age() throws Exception {
        Path ruleDir = RuleSource.bundled();
        LoadResult loaded = RuleSource.loadPrintingErrors(ruleDir, System.err);
        try (Sandbox box = Sandbox.start((Path) null, 0)) {
            box.gate().clear();
            AwsSettings aws = SandboxSettings.wholeWorld(box.world(), box.faults())
                    .withEndpoint(URI.create(box.endpoint()), Sandbox.ACCESS_KEY, Sandbox.SECRET_KEY);
            DaemonRuntime.Settings s = new DaemonRuntime.Settings(ruleDir, loaded.ruleSet(), aws,
                    new DaemonTiming(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(30),
                            Duration.ofSeconds(2)),
                    StoreSettings.sqlite(data), PagerDutySettings.defaults(),
                    new WebSettings("127.0.0.1", 0, URI.create("http://localhost/")),
                    MetricsSettings.defaults(BuildInfo.version()),
                    // Below the config's 1m floor so the test need not wait a minute.
                    new CloudWatchSettings(true, "BackupSentinel", null, Duration.ofSeconds(1)), box.clock());
            try (DaemonRuntime daemon = new DaemonRuntime(s)) {
                await().atMost(Duration.ofMinutes(2)).until(() -> box.cloudWatch().all().stream()
                        .anyMatch(m -> m.name().equals("Findings") && m.dimensions().get("Rule").equals("prod-rpo")
                                && m.value() > 0)
                        && box.cloudWatch().all().stream().anyMatch(m -> m.name().equals("WorstEffectiveRpoAge")));
            }
            List<PublishedMetric> got = box.cloudWatch().all();
            assertThat(got).allMatch(m -> m.namespace().equals("BackupSentinel"));
            Set<String> statuses = got.stream().filter(m -> m.name().equals("Findings")
                    && m.dimensions().get("Rule").equals("prod-rpo")).map(m -> m.dimensions().get("Status"))
                    .collect(Collectors.toSet());
            assertThat(statuses).containsExactlyInAnyOrder("COMPLIANT", "NON_COMPLIANT", "UNKNOWN", "EXEMPT");
            assertThat(got).filteredOn(m -> m.name().equals("WorstEffectiveRpoAge"))
                    .allMatch(m -> m.unit().equals("Seconds") && m.value() >= 0);
        }
    }
}
