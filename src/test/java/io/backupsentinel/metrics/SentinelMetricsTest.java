package io.backupsentinel.metrics;

import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Target;
import io.backupsentinel.testing.CheckFactsBuilder;
import io.backupsentinel.testing.MutableClock;
import io.backupsentinel.testing.PrometheusText;
import io.backupsentinel.testing.PrometheusText.Sample;
import io.backupsentinel.testing.SyntheticFleet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static io.backupsentinel.testing.CheckFactsBuilder.ago;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SentinelMetricsTest {
    private final MutableClock clock = new MutableClock(NOW);
    private SentinelMetrics metrics = new SentinelMetrics(MetricsSettings.defaults("1.2.3"),
            SyntheticFleet.recoveryTimes(), clock);

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void a_finding_series_carries_the_current_status_and_an_update_replaces_it() {
        metrics.findings("rpo-24h", List.of(finding("orders", Status.NON_COMPLIANT)));
        metrics.findings("rpo-24h", List.of(finding("orders", Status.COMPLIANT)));

        assertThat(samples("backup_sentinel_finding")).singleElement().satisfies(s -> {
            assertThat(s.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("rule", "rpo-24h", "check", "rpo",
                    "severity", "critical", "account", "111111111111", "region", "us-east-1", "table", "orders",
                    "status", "COMPLIANT"));
            assertThat(s.value()).isEqualTo(1.0);
        });
    }

    @Test
    void an_empty_list_removes_the_rule_and_a_reloaded_rule_set_drops_rules_that_left_it() {
        metrics.findings("rpo-24h", List.of(finding("orders", Status.COMPLIANT)));
        metrics.findings("other", List.of(finding("orders", Status.COMPLIANT, "other")));
        metrics.findings("rpo-24h", List.of());
        assertThat(samples("backup_sentinel_finding")).extracting(s -> s.labels().get("rule")).containsExactly("other");

        metrics.rules(List.of("rpo-24h"));
        assertThat(samples("backup_sentinel_finding")).isEmpty();
        assertThat(samples("backup_sentinel_rules_loaded")).singleElement().extracting(Sample::value).isEqualTo(1.0);
    }

    @Test
    void counts_cover_every_status_with_zeros_so_a_query_for_breaches_has_a_series() {
        metrics.findings("rpo-24h", List.of(finding("a", Status.NON_COMPLIANT), finding("b", Status.COMPLIANT),
                finding("c", Status.COMPLIANT)));

        assertThat(samples("backup_sentinel_findings")).extracting(s -> s.labels().get("status") + "=" + (int) s.value())
                .containsExactly("COMPLIANT=2", "NON_COMPLIANT=1", "UNKNOWN=0", "EXEMPT=0");
    }

    @Test
    void per_table_findings_can_be_switched_off_for_large_fleets_while_counts_remain() {
        metrics.close();
        metrics = new SentinelMetrics(new MetricsSettings(false, "1.2.3", "abc"), SyntheticFleet.recoveryTimes(), clock);
        metrics.findings("rpo-24h", List.of(finding("a", Status.NON_COMPLIANT)));

        assertThat(metrics.scrape()).doesNotContain("backup_sentinel_finding{");
        assertThat(samples("backup_sentinel_findings")).hasSize(4);
    }

    @Test
    void recovery_point_ages_grow_with_the_clock_without_new_facts() {
        CheckFactsBuilder t = CheckFactsBuilder.table("orders");
        metrics.facts(List.of(t.onDemand(t.backup(Duration.ofHours(2), null)).build()), Map.of());
        assertThat(age("orders", "on_demand")).isEqualTo(7200.0);

        clock.advance(Duration.ofMinutes(10));

        assertThat(age("orders", "on_demand")).isEqualTo(7800.0);
        assertThat(age("orders", "effective")).isEqualTo(7800.0);
    }

    @Test
    void the_effective_age_is_the_youngest_source_and_a_source_without_points_has_no_series() {
        CheckFactsBuilder t = CheckFactsBuilder.table("orders");
        t.pitrOn(35, Duration.ofMinutes(5)).onDemand(t.backup(Duration.ofHours(30), null))
                .recoveryPoints(t.point("prod-vault", Duration.ofHours(12), "COMPLETED", 35L));
        metrics.facts(List.of(t.build()), Map.of());

        assertThat(samples("backup_sentinel_recovery_point_age_seconds"))
                .extracting(s -> s.labels().get("source") + "=" + (long) s.value())
                .containsExactlyInAnyOrder("pitr=300", "on_demand=108000", "aws_backup=43200", "effective=300");
    }

    @Test
    void rpo_targets_and_the_last_validated_restore_are_published_per_table() {
        CheckFactsBuilder t = CheckFactsBuilder.table("orders");
        t.restoreJobs(t.restoreJob("r1", "COMPLETED", Duration.ofDays(2), Duration.ofMinutes(10), "SUCCESSFUL", null),
                t.restoreJob("r2", "COMPLETED", Duration.ofDays(1), Duration.ofMinutes(10), "FAILED", "rows missing"));
        metrics.facts(List.of(t.build()), Map.of(t.ref(), Duration.ofHours(24)));

        assertThat(samples("backup_sentinel_rpo_target_seconds")).singleElement()
                .extracting(Sample::value).isEqualTo(86400.0);
        assertThat(samples("backup_sentinel_restore_test_last_success_timestamp_seconds")).singleElement()
                .extracting(Sample::value).isEqualTo((double) ago(Duration.ofDays(2)).getEpochSecond());
    }

    @Test
    void new_facts_for_an_account_region_drop_its_deleted_tables_and_leave_other_regions_alone() {
        CheckFactsBuilder a = CheckFactsBuilder.table("a");
        CheckFactsBuilder b = CheckFactsBuilder.table("b");
        TableRef elsewhere = TableRef.of("222222222222", "eu-west-1", "c");
        metrics.facts(List.of(a.build(), b.build()), Map.of(a.ref(), Duration.ofHours(1), b.ref(), Duration.ofHours(1),
                elsewhere, Duration.ofHours(1)));
        metrics.facts(List.of(a.build()), Map.of(a.ref(), Duration.ofHours(1)));
        assertThat(samples("backup_sentinel_rpo_target_seconds")).extracting(s -> s.labels().get("table"))
                .containsExactly("a");

        metrics.facts(List.of(new Target("111111111111", "us-east-1")), List.of(), Map.of());
        assertThat(samples("backup_sentinel_rpo_target_seconds")).isEmpty();
    }

    @Test
    void label_values_are_escaped_as_the_text_format_requires() {
        metrics.findings("r", List.of(new Finding("111111111111", "us-east-1", "we\"ird\\name", "arn", "r", "rpo",
                Severity.LOW, Status.COMPLIANT, "o", "e", "m", NOW)));

        assertThat(metrics.scrape()).contains("table=\"we\\\"ird\\\\name\"");
        assertThat(samples("backup_sentinel_finding")).singleElement()
                .satisfies(s -> assertThat(s.labels().get("table")).isEqualTo("we\"ird\\name"));
    }

    @Test
    void a_whole_fleet_scrape_is_valid_text_with_every_family_contiguous_and_gzip_gives_the_same_text() throws IOException {
        SyntheticFleet.of(200, NOW).feed(metrics);

        String text = metrics.scrape();
        List<Sample> all = PrometheusText.parse(text);

        assertThat(all).filteredOn(s -> s.name().equals("backup_sentinel_finding")).hasSize(200 * 12);
        // Micrometer's part (CPU, uptime) changes between two scrapes; the fleet part must be identical.
        assertThat(fleetPart(gunzip(metrics.parts(true)))).isEqualTo(fleetPart(text)).contains("orders-00199");
    }

    @Test
    void audits_publish_last_audit_per_rule_last_collection_per_account_region_and_failures() {
        Instant start = NOW.minusSeconds(30);
        metrics.run(new AuditRun(start, Duration.ofSeconds(10), List.of("111111111111/us-east-1", "111111111111/eu-west-1"),
                List.of("rpo-24h"), 2, 2, Map.of(), Map.of("111111111111/eu-west-1", "AccessDenied")));

        double end = start.plusSeconds(10).getEpochSecond();
        assertThat(samples("backup_sentinel_last_audit_timestamp_seconds")).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(end));
        assertThat(samples("backup_sentinel_last_successful_collection_timestamp_seconds")).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("region", "us-east-1"));
        assertThat(samples("backup_sentinel_collection_failures_total"))
                .extracting(s -> s.labels().get("region") + "=" + (int) s.value())
                .containsExactlyInAnyOrder("us-east-1=0", "eu-west-1=1");
        assertThat(samples("backup_sentinel_audit_duration_seconds_count")).singleElement()
                .extracting(Sample::value).isEqualTo(1.0);
    }

    @Test
    void audits_finishing_while_prometheus_scrapes_never_make_a_scrape_fail_and_leave_one_series_each()
            throws Exception {
        // The collector's threads report audits as they finish while Prometheus scrapes. Re-registering every
        // last-collection series on each report (Micrometer's MultiGauge with overwrite) let a scrape see a series
        // and its replacement at once: duplicate labels, and /metrics answered 500 (micrometer#6851).
        List<String> scope = IntStream.range(0, 100).mapToObj(i -> "1111111111" + (10 + i) + "/us-east-1")
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        AtomicBoolean done = new AtomicBoolean();
        try {
            Future<Integer> scrapes = pool.submit(() -> {
                int n = 0;
                while (!done.get()) {
                    PrometheusText.parse(metrics.scrape());
                    n++;
                }
                return n;
            });
            List<Future<?>> audits = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                audits.add(pool.submit(() -> {
                    for (int i = 1; i <= 200; i++) {
                        metrics.run(new AuditRun(NOW.plusSeconds(i), Duration.ofSeconds(1), scope, List.of("rpo-24h"),
                                1, 1, Map.of(), Map.of()));
                    }
                }));
            }
            for (Future<?> a : audits) {
                a.get();
            }
            done.set(true);
            assertThat(scrapes.get()).isPositive();
        } finally {
            done.set(true);
            pool.shutdownNow();
        }

        double last = NOW.plusSeconds(201).getEpochSecond();
        assertThat(samples("backup_sentinel_last_successful_collection_timestamp_seconds")).hasSize(scope.size())
                .allSatisfy(s -> assertThat(s.value()).isEqualTo(last));
        assertThat(samples("backup_sentinel_last_audit_timestamp_seconds")).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo(last));
    }

    @Test
    void self_metrics_and_build_info_use_the_contract_names() {
        metrics.awsRequests("dynamodb", "DescribeContinuousBackups", Meters.OUTCOME_THROTTLED, 3);
        metrics.alertDeliveryFailed(true);

        assertThat(samples("backup_sentinel_aws_requests_total")).singleElement().satisfies(s -> {
            assertThat(s.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("service", "dynamodb",
                    "operation", "DescribeContinuousBackups", "outcome", "throttled"));
            assertThat(s.value()).isEqualTo(3.0);
        });
        assertThat(samples("backup_sentinel_aws_throttles_total")).singleElement().extracting(Sample::value).isEqualTo(3.0);
        assertThat(samples("backup_sentinel_alert_delivery_failures_total"))
                .extracting(s -> s.labels().get("outcome") + "=" + (int) s.value())
                .containsExactlyInAnyOrder("retry=0", "dead_letter=1");
        assertThat(samples("backup_sentinel_build_info")).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("version", "1.2.3").containsEntry("revision", "unknown"));
        assertThat(metrics.scrape()).contains("jvm_memory_used_bytes", "process_uptime_seconds");
    }

    @Test
    void an_aws_outcome_outside_the_bounded_set_is_refused() {
        assertThatThrownBy(() -> metrics.awsRequests("dynamodb", "ListBackups", "AccessDeniedException: user x", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("success");
    }

    @Test
    void every_help_text_of_ours_is_one_sentence_naming_its_unit() {
        SyntheticFleet.of(4, NOW).feed(metrics);
        List<String> helps = metrics.scrape().lines().filter(l -> l.startsWith("# HELP backup_sentinel_")).toList();

        assertThat(helps).hasSizeGreaterThanOrEqualTo(20).allSatisfy(h -> {
            String text = h.split(" ", 4)[3];
            assertThat(text).endsWith(".").doesNotContain(". ");
            assertThat(text).containsAnyOf("seconds", "count", "unitless", "in bytes", "in US dollars");
        });
    }

    @Test
    void backup_storage_is_published_per_table_and_source_with_only_the_known_sources() {
        TableRef orders = TableRef.of("111111111111", "us-east-1", "orders");
        metrics.storage(List.of(orders.target()), List.of(new TableStorage(orders,
                Map.of("pitr", 1_073_741_824L, "on_demand", 0L), Map.of("pitr", 0.2, "on_demand", 0.0))));

        assertThat(samples("backup_sentinel_backup_storage_bytes")).extracting(s -> s.labels().get("source") + "="
                + (long) s.value()).containsExactlyInAnyOrder("pitr=1073741824", "on_demand=0");
        assertThat(samples("backup_sentinel_backup_storage_monthly_cost_usd")).filteredOn(
                s -> s.labels().get("source").equals("pitr")).singleElement().satisfies(s -> {
                    assertThat(s.value()).isEqualTo(0.2);
                    assertThat(s.labels()).containsEntry("table", "orders").containsEntry("account", "111111111111")
                            .containsEntry("region", "us-east-1");
                });

        metrics.storage(List.of(orders.target()), List.of());
        assertThat(samples("backup_sentinel_backup_storage_bytes")).isEmpty();
    }

    @Test
    void turning_per_table_series_off_turns_the_storage_series_off_too() {
        metrics.close();
        metrics = new SentinelMetrics(new MetricsSettings(false, "1.2.3", "abc"), SyntheticFleet.recoveryTimes(), clock);
        TableRef orders = TableRef.of("111111111111", "us-east-1", "orders");
        metrics.storage(List.of(orders.target()), List.of(new TableStorage(orders, Map.of("pitr", 1L),
                Map.of("pitr", 0.1))));

        assertThat(metrics.scrape()).doesNotContain("backup_sentinel_backup_storage");
    }

    private List<Sample> samples(String name) {
        return PrometheusText.parse(metrics.scrape()).stream().filter(s -> s.name().equals(name)).toList();
    }

    private double age(String table, String source) {
        return samples("backup_sentinel_recovery_point_age_seconds").stream()
                .filter(s -> s.labels().get("table").equals(table) && s.labels().get("source").equals(source))
                .findFirst().orElseThrow().value();
    }

    private static Finding finding(String table, Status status) {
        return finding(table, status, "rpo-24h");
    }

    private static Finding finding(String table, Status status, String rule) {
        return new Finding("111111111111", "us-east-1", table, "arn:aws:dynamodb:us-east-1:111111111111:table/" + table,
                rule, "rpo", Severity.CRITICAL, status, "o", "e", "m", NOW);
    }

    private static String fleetPart(String text) {
        int restore = text.indexOf("# HELP " + Meters.RESTORE_TEST_LAST_SUCCESS.name());
        return text.substring(0, text.indexOf("# HELP ", restore + 1));
    }

    private static String gunzip(List<byte[]> parts) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.write(p);
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(all.toByteArray()))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
