package io.backupsentinel.cli;

import io.backupsentinel.alert.PagerDutySettings;
import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.aws.CloudWatchSettings;
import io.backupsentinel.cost.PriceTable;
import io.backupsentinel.cost.Prices;
import io.backupsentinel.metrics.MetricsSettings;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.rule.LoadResult;
import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.schedule.DaemonTiming;
import io.backupsentinel.store.Filter;
import io.backupsentinel.store.HistoryStore;
import io.backupsentinel.store.StoreSettings;
import io.backupsentinel.testing.PrometheusText;
import io.backupsentinel.web.WebSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The daemon on the bundled rules against the demo sandbox, with its own price table: every table's backup
 * storage appears on {@code /metrics} per source, priced with the configured prices, and the history holds one
 * BACKUP_STORAGE entry per table.
 */
class DaemonStorageIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;

    @Test
    void storage_bytes_and_their_monthly_cost_are_on_metrics_and_in_the_change_log() throws Exception {
        Path ruleDir = RuleSource.bundled();
        LoadResult loaded = RuleSource.loadPrintingErrors(ruleDir, System.err);
        // A PITR price of one dollar makes the expected cost the size in GiB.
        PriceTable prices = new PriceTable(Prices.US_EAST_1_LIST,
                Map.of("us-east-1", new Prices(1.0, 0.10, 0.10, 0.03, 0.023)));
        try (Sandbox box = Sandbox.start((Path) null, 0)) {
            box.gate().clear();
            AwsSettings aws = SandboxSettings.wholeWorld(box.world(), box.faults())
                    .withEndpoint(URI.create(box.endpoint()), Sandbox.ACCESS_KEY, Sandbox.SECRET_KEY);
            DaemonRuntime.Settings s = new DaemonRuntime.Settings(ruleDir, loaded.ruleSet(), aws,
                    new DaemonTiming(Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(30),
                            Duration.ofSeconds(2)),
                    StoreSettings.sqlite(data), PagerDutySettings.defaults(),
                    new WebSettings("127.0.0.1", 0, URI.create("http://localhost/")),
                    MetricsSettings.defaults(BuildInfo.version()), CloudWatchSettings.defaults(), box.clock(), prices);
            try (DaemonRuntime daemon = new DaemonRuntime(s)) {
                URI metrics = URI.create("http://127.0.0.1:" + daemon.webPort() + "/metrics");
                await().atMost(Duration.ofMinutes(2)).until(() -> pitrBytes(scrape(metrics)).isPresent());
                List<PrometheusText.Sample> samples = PrometheusText.parse(scrape(metrics));

                double bytes = pitrBytes(samples).orElseThrow();
                assertThat(bytes).isPositive();
                double cost = sample(samples, "backup_sentinel_backup_storage_monthly_cost_usd", "orders", "pitr")
                        .orElseThrow();
                assertThat(cost).isCloseTo(bytes / (1L << 30), within(1e-4));
                assertThat(samples).filteredOn(x -> x.name().equals("backup_sentinel_backup_storage_bytes"))
                        .extracting(x -> x.labels().get("source"))
                        .isSubsetOf("pitr", "on_demand", "aws_backup", "export", "total");
                // Every collection is followed by judging its rules, and each judgement is timed.
                await().atMost(Duration.ofMinutes(1)).until(() -> PrometheusText.parse(scrape(metrics)).stream()
                        .filter(x -> x.name().equals("backup_sentinel_evaluation_duration_seconds_count"))
                        .anyMatch(x -> x.value() > 0));
            }
            try (HistoryStore store = HistoryStore.openReadOnly(StoreSettings.sqlite(data))) {
                List<PostureChange> storage = store.queries().postureChanges(Instant.EPOCH,
                        box.clock().instant().plusSeconds(60), Filter.table("111111111111", "us-east-1", "orders"))
                        .stream().map(x -> x.record())
                        .filter(c -> c.aspect() == PostureChange.Aspect.BACKUP_STORAGE).toList();
                assertThat(storage).isNotEmpty();
                assertThat(storage.get(0).before()).isNull();
                assertThat(storage.get(0).after()).matches("(pitr|on_demand|aws_backup|export)=\\d+( \\w+=\\d+)*");
            }
        }
    }

    private static String scrape(URI metrics) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(metrics).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Optional<Double> pitrBytes(String text) {
        return pitrBytes(PrometheusText.parse(text));
    }

    private static Optional<Double> pitrBytes(List<PrometheusText.Sample> samples) {
        return sample(samples, "backup_sentinel_backup_storage_bytes", "orders", "pitr");
    }

    private static Optional<Double> sample(List<PrometheusText.Sample> samples, String name, String table,
                                           String source) {
        return samples.stream().filter(x -> x.name().equals(name) && table.equals(x.labels().get("table"))
                && "111111111111".equals(x.labels().get("account")) && source.equals(x.labels().get("source")))
                .map(PrometheusText.Sample::value).findFirst();
    }
}
