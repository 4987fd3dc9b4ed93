package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.sandbox.state.CopyJob;
import io.backupsentinel.sandbox.state.DdbBackup;
import io.backupsentinel.sandbox.state.RecoveryPoint;
import io.backupsentinel.sandbox.state.Region;
import io.backupsentinel.sandbox.state.RestoreJob;
import io.backupsentinel.sandbox.state.VirtualClock;
import io.backupsentinel.sandbox.state.World;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScenarioLoaderTest {
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final Path VALID = Path.of("src/test/resources/scenarios/valid");

    private static VirtualClock clockAt(Instant now) {
        VirtualClock clock = VirtualClock.system();
        clock.freeze();
        clock.set(now);
        return clock;
    }

    @Test
    void relative_and_absolute_times_resolve_against_the_clock() {
        World world = ScenarioLoader.load(VALID.resolve("relative-times.yml"), clockAt(NOW)).world();
        Region r = world.account("111111111111").region("us-east-1");
        var t = r.tables().get("tbl");
        assertThat(t.created()).isEqualTo(Instant.parse("2025-06-01T00:00:00Z"));
        assertThat(t.pitrEnabledAt()).isEqualTo(NOW.minus(Duration.ofHours(26)));
        Map<String, DdbBackup> byName = r.backups().values().stream()
                .collect(Collectors.toMap(DdbBackup::name, b -> b));
        assertThat(byName.get("at-now").created()).isEqualTo(NOW);
        assertThat(byName.get("three-hours").created()).isEqualTo(NOW.minus(Duration.ofHours(3)));
        assertThat(byName.get("three-hours").expiry()).isEqualTo(NOW.plus(Duration.ofDays(30)));
        assertThat(byName.get("with-offset").created()).isEqualTo(Instant.parse("2026-01-15T11:00:00Z"));
        assertThat(r.recoveryPoints().values()).extracting(RecoveryPoint::created).containsExactlyInAnyOrder(
                NOW.minus(Duration.ofMinutes(40)), NOW.minus(Duration.ofMinutes(100)), NOW.minus(Duration.ofMinutes(160)));
    }

    @Test
    void access_keys_and_roles_are_recorded_for_routing_and_assume_role() {
        World world = ScenarioLoader.load(VALID.resolve("relative-times.yml"), clockAt(NOW)).world();
        assertThat(world.accountForAccessKey("AKIATEST1")).isEqualTo("111111111111");
        assertThat(world.defaultAccount()).isEqualTo("111111111111");
        assertThat(world.account("111111111111").roles()).containsExactlyInAnyOrder(
                "arn:aws:iam::111111111111:role/BackupSentinelAudit", "arn:aws:iam::111111111111:role/ops/Reader");
    }

    @Test
    void a_scenario_with_now_sets_the_clock_and_resolves_against_it() {
        VirtualClock clock = clockAt(NOW);
        World world = ScenarioLoader.load(VALID.resolve("fixed-now.yml"), clock).world();
        assertThat(clock.instant()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(world.account("111111111111").region("us-east-1").tables().get("tbl").created())
                .isEqualTo(Instant.parse("2029-12-31T00:00:00Z"));
    }

    @Test
    void a_completed_copy_job_puts_the_copy_into_the_destination_vault() {
        World world = ScenarioLoader.load(VALID.resolve("copies-and-regions.yml"), clockAt(NOW)).world();
        Region src = world.account("111111111111").region("us-east-1");
        Region dst = world.account("222222222222").region("eu-west-1");
        CopyJob done = src.copyJobs().stream().filter(j -> j.state().equals("COMPLETED")).findFirst().orElseThrow();
        assertThat(done.sourceRecoveryPointArn()).isEqualTo(src.recoveryPoints().firstEntry().getValue().arn());
        assertThat(done.destinationVaultArn()).isEqualTo("arn:aws:backup:eu-west-1:222222222222:backup-vault:dst");
        assertThat(dst.recoveryPoints().get(done.destinationRecoveryPointArn())).satisfies(rp -> {
            assertThat(rp.sourceBackupVaultArn()).isEqualTo(src.vaultArn("src"));
            assertThat(rp.resourceArn()).isEqualTo(src.tableArn("orders"));
        });
        assertThat(src.copyJobs()).filteredOn(j -> j.state().equals("FAILED")).singleElement()
                .satisfies(j -> assertThat(j.destinationRecoveryPointArn()).isNull());
        assertThat(dst.recoveryPoints().values()).hasSize(2)
                .anySatisfy(rp -> assertThat(rp.created()).isEqualTo(NOW.minus(Duration.ofDays(3))));
        RestoreJob restore = src.restoreJobs().values().iterator().next();
        assertThat(restore.sourceResourceArn()).isNull();
        assertThat(restore.recoveryPointArn()).isEqualTo(src.recoveryPoints().firstEntry().getValue().arn());
    }

    @Test
    void the_same_file_always_yields_the_same_ids() {
        Region a = ScenarioLoader.demo(clockAt(NOW)).world().account("111111111111").region("us-east-1");
        Region b = ScenarioLoader.demo(clockAt(NOW)).world().account("111111111111").region("us-east-1");
        assertThat(a.recoveryPoints().keySet()).isEqualTo(b.recoveryPoints().keySet());
        assertThat(a.plans().keySet()).isEqualTo(b.plans().keySet());
        assertThat(a.backupJobs().stream().map(j -> j.id()).sorted().toList())
                .isEqualTo(b.backupJobs().stream().map(j -> j.id()).sorted().toList());
    }

    @Test
    void defaults_keep_files_short() {
        String yaml = """
                accounts:
                  - id: "111111111111"
                    regions:
                      us-east-1:
                        vaults: [{name: v}]
                        plans:
                          - name: p
                            rules: [{name: r, vault: v, lifecycle: {delete_after: 35d}}]
                            selections: [{name: s, resources: ["*"]}]
                        tables:
                          - {name: on-table, pitr: true, recovery_points: [{created: -1h, vault: v, plan: p}]}
                          - {name: off-table}
                """;
        Region r = ScenarioLoader.load("inline.yml", new StringReader(yaml), clockAt(NOW)).world()
                .account("111111111111").region("us-east-1");
        var on = r.tables().get("on-table");
        assertThat(on.arn()).isEqualTo("arn:aws:dynamodb:us-east-1:111111111111:table/on-table");
        assertThat(on.recoveryPeriodDays()).isEqualTo(35);
        assertThat(on.pitrLag()).isEqualTo(Duration.ofMinutes(5));
        assertThat(r.tables().get("off-table").pitrEnabled()).isFalse();
        var plan = ScenarioRefs.plan(r, "p");
        assertThat(plan.rules().get(0).scheduleExpression()).isEqualTo("cron(0 5 ? * * *)");
        assertThat(plan.selections().get(0).iamRoleArn())
                .isEqualTo("arn:aws:iam::111111111111:role/service-role/AWSBackupDefaultServiceRole");
        var rp = r.recoveryPoints().values().iterator().next();
        assertThat(rp.deleteAfterDays()).as("lifecycle from the plan rule").isEqualTo(35L);
        assertThat(rp.completed()).isEqualTo(rp.created().plus(Duration.ofMinutes(10)));
        assertThat(rp.vaultArn()).isEqualTo("arn:aws:backup:us-east-1:111111111111:backup-vault:v");
        assertThat(r.vaults().get("v").encryptionKeyType()).isEqualTo("AWS_OWNED_KMS_KEY");
        assertThat(r.vaults().get("v").locked()).isFalse();
    }

    @Test
    void a_file_with_errors_changes_nothing_on_the_clock() {
        VirtualClock clock = clockAt(NOW);
        String yaml = "now: 2030-01-01T00:00:00Z\naccounts:\n  - id: nope\n";
        assertThatThrownBy(() -> ScenarioLoader.load("x.yml", new StringReader(yaml), clock))
                .isInstanceOf(ScenarioException.class)
                .hasMessage("x.yml:3:9: accounts[0].id: must be 12 digits (quote it to keep leading zeros), got 'nope'");
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void every_bundled_scenario_loads() {
        for (String name : new String[]{"demo.yml", "fleet-10k.yml", "fleet-20x2k.yml"}) {
            World w = ScenarioLoader.loadBundled(name, clockAt(NOW)).world();
            assertThat(w.accounts()).as(name).isNotEmpty();
        }
    }

    @Test
    void restore_jobs_pick_the_newest_completed_point_before_them() {
        Region r = ScenarioLoader.demo(clockAt(NOW)).world().account("111111111111").region("us-east-1");
        RestoreJob job = r.restoreJobs().values().stream()
                .filter(j -> r.tableArn("orders").equals(j.sourceResourceArn())).findFirst().orElseThrow();
        RecoveryPoint expected = r.recoveryPoints().values().stream()
                .filter(rp -> rp.resourceName().equals("orders") && !rp.created().isAfter(job.created()))
                .max(Comparator.comparing(RecoveryPoint::created)).orElseThrow();
        assertThat(job.recoveryPointArn()).isEqualTo(expected.arn());
    }
}
