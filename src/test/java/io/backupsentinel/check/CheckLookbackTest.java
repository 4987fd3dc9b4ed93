package io.backupsentinel.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.testing.SpecParams;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every check says how far back it needs each kind of fact it reads, derived from its own parameters. */
class CheckLookbackTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private final CheckRegistry registry = CheckRegistry.standard();

    @TestFactory
    Stream<DynamicTest> every_check_declares_a_lookback_for_each_fact_kind_it_reads() {
        return registry.all().stream().map(check -> DynamicTest.dynamicTest(check.spec().name(), () -> {
            // With its default params a check reads every kind its spec names; its example may choose fewer.
            Map<FactKind, Duration> defaults = lookbacks(check, defaultsPlusRequired(check));
            assertThat(defaults.keySet()).as("kinds read with default params").isEqualTo(check.spec().facts());
            Map<FactKind, Duration> example = lookbacksOfExample(check);
            assertThat(example).as("kinds read by the example").isNotEmpty();
            assertThat(check.spec().facts()).containsAll(example.keySet());
            assertThat(defaults.values()).allSatisfy(d -> assertThat(d.isNegative()).isFalse());
            assertThat(example.values()).allSatisfy(d -> assertThat(d.isNegative()).isFalse());
        }));
    }

    @Test
    void rpo_lists_the_chosen_sources_back_to_max_age_and_reads_pitr_as_a_state() {
        RpoCheck rpo = new RpoCheck();
        assertThat(rpo.lookbacks(SpecParams.bind(rpo, "max_age", "1h"))).containsExactlyInAnyOrderEntriesOf(Map.of(
                FactKind.PITR, Duration.ZERO, FactKind.ON_DEMAND_BACKUPS, Duration.ofHours(1),
                FactKind.RECOVERY_POINTS, Duration.ofHours(1), FactKind.EXPORTS, Duration.ofHours(1)));
        assertThat(rpo.lookbacks(SpecParams.bind(rpo, "max_age", "4h", "sources", List.of("pitr", "aws_backup"))))
                .isEqualTo(Map.of(FactKind.PITR, Duration.ZERO, FactKind.RECOVERY_POINTS, Duration.ofHours(4)));
    }

    @Test
    void backup_jobs_lists_jobs_back_to_its_window() {
        BackupJobsCheck jobs = new BackupJobsCheck();
        assertThat(jobs.lookbacks(SpecParams.bind(jobs, "window", "3d")))
                .isEqualTo(Map.of(FactKind.BACKUP_JOBS, Duration.ofDays(3)));
    }

    @Test
    void retention_widens_only_the_backups_of_its_chosen_sources() {
        RetentionCheck retention = new RetentionCheck();
        Map<FactKind, Duration> pointsOnly = retention.lookbacks(SpecParams.bind(retention, "max_retention", "2555d",
                "sources", List.of("aws_backup")));
        assertThat(pointsOnly).isEqualTo(Map.of(FactKind.RECOVERY_POINTS, Lookbacks.ALL_RETAINED));
        assertThat(retention.lookbacks(SpecParams.bind(retention, "min_retention", "35d"))).isEqualTo(Map.of(
                FactKind.RECOVERY_POINTS, Lookbacks.ALL_RETAINED, FactKind.ON_DEMAND_BACKUPS, Lookbacks.ALL_RETAINED));
    }

    @Test
    void restore_test_lists_restore_jobs_back_to_max_age_and_every_kept_point_to_link_them() {
        RestoreTestCheck restore = new RestoreTestCheck();
        assertThat(restore.lookbacks(SpecParams.bind(restore, "max_age", "7d"))).isEqualTo(Map.of(
                FactKind.RESTORE_JOBS, Duration.ofDays(7), FactKind.RECOVERY_POINTS, Lookbacks.ALL_RETAINED));
    }

    @Test
    void copy_and_export_look_back_their_max_age_and_state_checks_need_no_history() {
        CopyCheck copy = new CopyCheck();
        assertThat(copy.lookbacks(SpecParams.bind(copy, "max_age", "2d")))
                .isEqualTo(Map.of(FactKind.PLANS, Duration.ZERO, FactKind.COPY_JOBS, Duration.ofDays(2)));
        ExportCheck export = new ExportCheck();
        assertThat(export.lookbacks(SpecParams.bind(export, "max_age", "7d")))
                .isEqualTo(Map.of(FactKind.EXPORTS, Duration.ofDays(7)));
        PitrCheck pitr = new PitrCheck();
        assertThat(pitr.lookbacks(SpecParams.bind(pitr))).isEqualTo(Map.of(FactKind.PITR, Duration.ZERO));
        BackupPlanCheck plan = new BackupPlanCheck();
        assertThat(plan.lookbacks(SpecParams.bind(plan))).isEqualTo(Map.of(FactKind.PLANS, Duration.ZERO));
    }

    @Test
    void vault_judges_every_vault_holding_a_kept_point_whatever_its_age() {
        VaultCheck vault = new VaultCheck();
        assertThat(vault.lookbacks(SpecParams.bind(vault, "max_retention", "365d")))
                .containsEntry(FactKind.RECOVERY_POINTS, Lookbacks.ALL_RETAINED)
                .containsEntry(FactKind.VAULTS, Duration.ZERO).containsEntry(FactKind.PLANS, Duration.ZERO);
    }

    /** The lookbacks of the check bound with its own YAML example's params. */
    private static Map<FactKind, Duration> lookbacksOfExample(Check<?> check) throws Exception {
        JsonNode rule = YAML.readTree(check.spec().example()).get(0);
        List<Object> kv = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : rule.path("params").properties()) {
            kv.add(e.getKey());
            kv.add(YAML.treeToValue(e.getValue(), Object.class));
        }
        return lookbacks(check, kv.toArray());
    }

    /** Defaults, with a value for each required param and for retention (which wants at least one bound). */
    private static Object[] defaultsPlusRequired(Check<?> check) {
        List<Object> kv = new ArrayList<>();
        for (ParamSpec p : check.spec().params()) {
            if (p.required()) {
                kv.add(p.name());
                kv.add("1d");
            }
        }
        if (check instanceof RetentionCheck) {
            kv.add("min_count");
            kv.add(1);
        }
        return kv.toArray();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Map<FactKind, Duration> lookbacks(Check<?> check, Object[] kv) {
        Check raw = check;
        return raw.lookbacks(SpecParams.bind(raw, kv));
    }
}
