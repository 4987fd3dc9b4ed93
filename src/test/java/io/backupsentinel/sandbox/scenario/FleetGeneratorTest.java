package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.sandbox.fault.LimitProfiles;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.Table;
import io.backupsentinel.sandbox.state.VirtualClock;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FleetGeneratorTest {
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final String FLEET = """
            accounts:
              - id: "111111111111"
                regions:
                  us-east-1:
                    generate:
                      count: 1000
                      prefix: f-
                      tags: {env: prod}
                      tiers: {gold: 0.25, silver: 0.5}
                      mix: {pitr_on: 0.8, pitr_short_period: 0.1, pitr_stuck: 0.03, in_plan: 0.7, on_demand: 0.3,
                            export: 0.1, failed_job: 0.02, restore_tested: 0.05}
                      recovery_points_per_table: 3
                      interval: 12h
            """;

    private static Region load(String yaml) {
        VirtualClock clock = VirtualClock.system();
        clock.freeze();
        clock.set(NOW);
        return ScenarioLoader.load("fleet.yml", new StringReader(yaml), clock).world().account("111111111111")
                .region("us-east-1");
    }

    @Test
    void the_generator_gives_exactly_the_asked_mix() {
        Region r = load(FLEET);
        assertThat(r.tables()).hasSize(1000).containsKey("f-0001").containsKey("f-1000");
        assertThat(r.tables().values()).filteredOn(Table::pitrEnabled).hasSize(800);
        assertThat(r.tables().values()).filteredOn(t -> t.recoveryPeriodDays() == 7).hasSize(100);
        assertThat(r.tables().values()).filteredOn(t -> t.pitrLag().equals(Duration.ofHours(3))).hasSize(30);
        assertThat(r.tables().values()).filteredOn(t -> t.tags().containsKey("backup-plan")).hasSize(700);
        assertThat(r.tables().values()).filteredOn(t -> "gold".equals(t.tags().get("backup-tier"))).hasSize(250);
        assertThat(r.tables().values()).filteredOn(t -> "silver".equals(t.tags().get("backup-tier"))).hasSize(500);
        assertThat(r.tables().values()).filteredOn(t -> !t.tags().containsKey("backup-tier")).hasSize(250);
        assertThat(r.tables().values()).allMatch(t -> "prod".equals(t.tags().get("env")));
        assertThat(r.recoveryPoints()).hasSize(700 * 3);
        assertThat(r.backups()).hasSize(300);
        assertThat(r.exports()).hasSize(100);
        assertThat(r.restoreJobs()).hasSize(50);
        assertThat(r.backupJobs()).filteredOn(j -> j.state().equals("FAILED")).hasSize(20);
        assertThat(r.recoveryPoints().values()).allSatisfy(rp -> {
            assertThat(rp.created()).isAfter(NOW.minus(Duration.ofHours(36))).isBeforeOrEqualTo(NOW);
            assertThat(rp.vaultName()).isEqualTo("fleet-vault");
        });
    }

    @Test
    void the_generated_plan_selects_the_in_plan_tables_by_tag() {
        Region r = load(FLEET);
        var plan = ScenarioRefs.plan(r, "fleet-plan");
        assertThat(plan.selections().get(0).listOfTags()).singleElement()
                .satisfies(c -> assertThat(c.key() + "=" + c.value()).isEqualTo("backup-plan=fleet-plan"));
        assertThat(r.vaults().get("fleet-vault").locked()).isTrue();
    }

    @Test
    void the_generator_is_deterministic() {
        Region a = load(FLEET);
        Region b = load(FLEET);
        assertThat(a.tables()).isEqualTo(b.tables());
        assertThat(a.recoveryPoints()).isEqualTo(b.recoveryPoints());
        assertThat(a.backupJobs()).isEqualTo(b.backupJobs());
        Region other = load(FLEET.replace("count: 1000", "count: 1000\n          seed: 99"));
        assertThat(other.tables()).isNotEqualTo(a.tables());
    }

    @Test
    void the_bundled_100k_fleet_loads_with_aws_limits_scaled() {
        VirtualClock clock = VirtualClock.system();
        Scenario s = ScenarioLoader.loadBundled("fleet-100k.yml", clock);
        Region r = s.world().account("111111111111").region("us-east-1");
        assertThat(r.tables()).hasSize(100_000);
        assertThat(r.tables().values()).filteredOn(Table::pitrEnabled).hasSize(80_000);
        assertThat(r.recoveryPoints()).hasSize(140_000);
        assertThat(s.faults().profile()).isEqualTo(LimitProfiles.AWS);
        assertThat(s.faults().scale()).isEqualTo(10.0);
    }
}
