package io.backupsentinel.engine;

import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.Target;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.rule.RuleSet;
import io.backupsentinel.testing.CheckFactsBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.backupsentinel.testing.CheckFactsBuilder.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class FleetViewTest {
    private static final RuleSet RULES = new RuleLoader(CheckRegistry.standard()).load(Path.of("rules")).ruleSet();
    private static final Target US = new Target(CheckFactsBuilder.ACCOUNT, CheckFactsBuilder.REGION);
    private final FleetView fleet = new FleetView(RULES, Clock.fixed(NOW, ZoneOffset.UTC));

    private static Finding finding(String rule, String table, Status status) {
        return new Finding(US.account(), US.region(), table, "arn:" + table, rule, "pitr", Severity.HIGH, status,
                "o", "e", "m", NOW);
    }

    @Test
    void the_snapshot_holds_every_rules_findings_sorted_by_table_then_rule_with_their_counts() {
        fleet.evaluated("prod-rpo", US, List.of(finding("prod-rpo", "b", Status.COMPLIANT),
                finding("prod-rpo", "a", Status.NON_COMPLIANT)), List.of());
        fleet.evaluated("prod-pitr", US, List.of(finding("prod-pitr", "c", Status.UNKNOWN),
                finding("prod-pitr", "a", Status.COMPLIANT)), List.of());

        FleetSnapshot s = fleet.snapshot();

        assertThat(s.findings()).extracting(f -> f.table() + "/" + f.rule())
                .containsExactly("a/prod-pitr", "a/prod-rpo", "b/prod-rpo", "c/prod-pitr");
        assertThat(s.byStatus()).containsEntry(Status.COMPLIANT, 2).containsEntry(Status.NON_COMPLIANT, 1)
                .containsEntry(Status.UNKNOWN, 1).containsEntry(Status.EXEMPT, 0);
        assertThat(s.byRule().get("prod-rpo")).isEqualTo(new StatusCounts(1, 1, 0, 0));
        assertThat(s.byTarget().get(US).total()).isEqualTo(4);
        assertThat(s.findingsOf(US.account(), US.region(), "a")).hasSize(2);
        assertThat(s.findingsOf(US.account(), US.region(), "zz")).isEmpty();
    }

    @Test
    void the_snapshot_is_reused_until_a_finding_changes() {
        fleet.evaluated("prod-rpo", US, List.of(finding("prod-rpo", "a", Status.COMPLIANT)), List.of());
        FleetSnapshot first = fleet.snapshot();
        assertThat(fleet.snapshot()).isSameAs(first);

        fleet.evaluated("prod-rpo", US, List.of(), List.of());

        assertThat(fleet.snapshot()).isNotSameAs(first);
        assertThat(fleet.snapshot().findings()).isEmpty();
    }

    @Test
    void restored_findings_show_until_their_rule_is_evaluated() {
        Finding kept = finding("prod-pitr", "orders", Status.NON_COMPLIANT);
        fleet.restore(Map.of(FindingKey.of(kept), kept));
        assertThat(fleet.table(US.account(), US.region(), "orders")).hasValueSatisfying(t -> {
            assertThat(t.findings()).containsExactly(kept);
            assertThat(t.collected()).isEmpty();
        });
    }

    @Test
    void a_collection_is_in_progress_from_its_start_to_its_facts() {
        fleet.collecting(US, List.of("prod-rpo"), Set.of("orders"), NOW);
        assertThat(fleet.collectionsInProgress()).singleElement().satisfies(c -> {
            assertThat(c.target()).isEqualTo(US);
            assertThat(c.rules()).containsExactly("prod-rpo");
            assertThat(c.tables()).isEqualTo(1);
            assertThat(c.elapsed(NOW.plusSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        });

        fleet.collected(new RegionSnapshot(US, List.of(), null, Map.of()), RULES.restrictedTo(List.of("prod-rpo")),
                Set.of("orders"), new AuditRun(NOW, Duration.ofSeconds(1), List.of(US.toString()), List.of("prod-rpo"),
                        0, 0, Map.of(), Map.of()));

        assertThat(fleet.collectionsInProgress()).isEmpty();
    }

    @Test
    void a_tables_rpo_deadline_is_its_newest_point_plus_the_rpo_and_tables_without_a_point_come_first() {
        CheckFactsBuilder fresh = CheckFactsBuilder.table("fresh").tag("env", "prod").pitrOn(35, Duration.ofMinutes(5));
        CheckFactsBuilder none = CheckFactsBuilder.table("none").tag("env", "prod");
        fleet.collected(new RegionSnapshot(US, List.of(fresh.build(), none.build()), null, Map.of()), RULES, null,
                new AuditRun(NOW, Duration.ZERO, List.of(US.toString()), List.of(), 2, 0, Map.of(), Map.of()));

        List<RpoDeadline> deadlines = fleet.snapshot().rpoDeadlines();

        assertThat(deadlines).extracting(d -> d.table().name()).containsExactly("none", "fresh");
        RpoDeadline d = deadlines.get(1);
        assertThat(d.newest()).isEqualTo(NOW.minus(Duration.ofMinutes(5)));
        assertThat(d.deadline()).isEqualTo(d.newest().plus(d.rpo()));
        assertThat(deadlines.get(0).breached(NOW)).isTrue();
        assertThat(fleet.table(US.account(), US.region(), "fresh")).hasValueSatisfying(t -> {
            assertThat(t.rpo()).isEqualTo(d.rpo());
            assertThat(t.sources()).extracting(TableDetail.SourceAge::source)
                    .containsExactly("pitr", "on_demand", "aws_backup", "export", "effective");
        });
    }

    @Test
    void a_table_whose_sources_could_not_be_read_has_an_unknown_deadline_with_the_cause_not_a_breach() {
        CheckFactsBuilder none = CheckFactsBuilder.table("none").tag("env", "prod");
        CheckFactsBuilder throttled = CheckFactsBuilder.table("throttled").tag("env", "prod")
                .failed(io.backupsentinel.model.FactKind.PITR, "ThrottlingException: Rate exceeded");
        fleet.collected(new RegionSnapshot(US, List.of(throttled.build(), none.build()), null, Map.of()), RULES, null,
                new AuditRun(NOW, Duration.ZERO, List.of(US.toString()), List.of(), 2, 0, Map.of(), Map.of()));

        List<RpoDeadline> deadlines = fleet.snapshot().rpoDeadlines();

        assertThat(deadlines).extracting(d -> d.table().name()).containsExactly("none", "throttled");
        RpoDeadline d = deadlines.get(1);
        assertThat(d.deadline()).isNull();
        assertThat(d.unknown()).isEqualTo("PITR status unknown: ThrottlingException: Rate exceeded");
        assertThat(d.unknown(NOW)).isTrue();
        assertThat(d.breached(NOW)).isFalse();
        assertThat(deadlines.get(0).breached(NOW)).isTrue();
    }
}
