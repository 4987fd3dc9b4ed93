package io.backupsentinel.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupsentinel.metrics.MetricsSettings;
import io.backupsentinel.metrics.SentinelMetrics;
import io.backupsentinel.testing.MutableClock;
import io.backupsentinel.testing.PrometheusText;
import io.backupsentinel.testing.SyntheticFleet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The shape of {@code dashboards/backup-sentinel.json}: what Grafana needs to import it as it is. */
class DashboardTest {
    private final Dashboard dashboard = Dashboard.load();

    DashboardTest() throws Exception {
    }

    @Test
    void the_dashboard_has_a_uid_a_recent_schema_and_a_datasource_variable() {
        JsonNode json = dashboard.json();
        assertThat(json.path("uid").asText()).isNotBlank();
        assertThat(json.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(36);
        assertThat(json.path("templating").path("list")).anySatisfy(v -> {
            assertThat(v.path("name").asText()).isEqualTo("datasource");
            assertThat(v.path("type").asText()).isEqualTo("datasource");
            assertThat(v.path("query").asText()).isEqualTo("prometheus");
        });
    }

    @Test
    void account_region_and_rule_are_query_variables_from_label_values() {
        List<JsonNode> vars = new ArrayList<>();
        dashboard.json().path("templating").path("list").forEach(vars::add);

        for (String name : List.of("account", "region", "rule")) {
            assertThat(vars).filteredOn(v -> v.path("name").asText().equals(name)).singleElement().satisfies(v -> {
                assertThat(v.path("type").asText()).isEqualTo("query");
                assertThat(v.path("definition").asText()).startsWith("label_values(").contains(name);
                assertThat(v.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            });
        }
    }

    @Test
    void every_panel_queries_through_the_datasource_variable_and_every_target_has_an_expression() {
        assertThat(dashboard.dataPanels()).hasSizeGreaterThanOrEqualTo(15).allSatisfy(p -> {
            assertThat(p.path("datasource").path("uid").asText()).as(p.path("title").asText()).isEqualTo("${datasource}");
            assertThat(p.path("targets")).as(p.path("title").asText()).isNotEmpty().allSatisfy(t -> {
                assertThat(t.path("expr").asText()).isNotBlank();
                assertThat(t.path("datasource").path("uid").asText()).isEqualTo("${datasource}");
            });
        });
    }

    @Test
    void panel_ids_are_unique_and_refids_unique_within_a_panel() {
        List<Integer> ids = new ArrayList<>();
        dashboard.json().path("panels").forEach(p -> ids.add(p.path("id").asInt()));
        assertThat(ids).doesNotHaveDuplicates();
        dashboard.dataPanels().forEach(p -> {
            List<String> refs = new ArrayList<>();
            p.path("targets").forEach(t -> refs.add(t.path("refId").asText()));
            assertThat(refs).doesNotHaveDuplicates();
        });
    }

    @Test
    void the_dashboard_covers_every_section_the_issue_asks_for() {
        List<String> rows = new ArrayList<>();
        dashboard.json().path("panels").forEach(p -> {
            if ("row".equals(p.path("type").asText())) {
                rows.add(p.path("title").asText());
            }
        });
        assertThat(rows).containsExactly("Fleet compliance", "Recovery point objective", "Restore tests and backup jobs",
                "Audit health", "AWS API usage", "Backup storage and cost");
        assertThat(dashboard.dataPanels()).extracting(p -> p.path("title").asText())
                .contains("Effective RPO age against target", "Tables closest to breach",
                        "Estimated monthly backup cost by source", "Tables with the costliest backup storage");
    }

    @Test
    void every_metric_the_dashboard_queries_is_one_the_daemon_serves() {
        Set<String> served;
        try (SentinelMetrics metrics = new SentinelMetrics(MetricsSettings.defaults("1"), SyntheticFleet.recoveryTimes(),
                new MutableClock(NOW))) {
            SyntheticFleet.of(20, NOW).feed(metrics);
            served = PrometheusText.parse(metrics.scrape()).stream().map(PrometheusText.Sample::name)
                    .collect(Collectors.toSet());
        }
        Set<String> queried = new HashSet<>();
        Pattern name = Pattern.compile("backup_sentinel_[a-z_]+");
        for (String expr : dashboard.expressions()) {
            Matcher m = name.matcher(expr);
            while (m.find()) {
                queried.add(m.group());
            }
        }
        assertThat(served).containsAll(queried);
    }
}
