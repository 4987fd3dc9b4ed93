package io.backupsentinel.rule;

import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RuleLoaderTest {
    private final RuleSet demo = Fixtures.load(Fixtures.VALID.resolve("demo"));

    @Test
    void rules_load_in_file_order_with_every_field() {
        assertThat(demo.rules()).extracting(Rule::name)
                .containsExactly("prod-rpo", "prod-pitr", "backup-job-failures", "dev-retention");
        Rule rpo = demo.rule("prod-rpo").orElseThrow();
        assertThat(rpo.checkName()).isEqualTo("rpo");
        assertThat(rpo.description()).startsWith("Production tables can be restored");
        assertThat(rpo.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(rpo.owner()).isEqualTo("platform-sre");
        assertThat(rpo.frameworks()).containsExactly("ISO27001:A.8.13", "SOC2:A1.2");
        assertThat(rpo.schedule()).isEqualTo(Schedule.every(Duration.ofMinutes(5)));
        assertThat(rpo.sourceFile()).isEqualTo(Fixtures.VALID.resolve("demo/10-production.yml").toString());
        assertThat(rpo.line()).isEqualTo(2);
    }

    @Test
    void params_are_typed_and_defaults_filled_in() {
        Rule rpo = demo.rule("prod-rpo").orElseThrow();
        assertThat(rpo.params().duration("max_age")).isEqualTo(Duration.ofHours(24));
        assertThat(rpo.params().list("sources")).containsExactly("pitr", "aws_backup");
        assertThat(rpo.params().has("vaults")).isFalse();
        Rule pitr = demo.rule("prod-pitr").orElseThrow();
        assertThat(pitr.params().duration("max_lag")).isEqualTo(Duration.ofMinutes(15));
        Rule retention = demo.rule("dev-retention").orElseThrow();
        assertThat(retention.params().integer("min_count")).isEqualTo(2L);
        assertThat(retention.params().list("sources")).containsExactly("on_demand", "aws_backup");
    }

    @Test
    void cron_schedules_and_missing_schedules_are_kept_as_written() {
        assertThat(demo.rule("prod-pitr").orElseThrow().schedule()).isEqualTo(Schedule.cron("0 0/15 * * * ?"));
        assertThat(demo.rule("backup-job-failures").orElseThrow().schedule()).isNull();
    }

    @Test
    void tiers_and_exemptions_are_read() {
        Tiers tiers = demo.tiers().orElseThrow();
        assertThat(tiers.tag()).isEqualTo("backup-tier");
        assertThat(tiers.levelNames()).containsExactly("gold", "silver", "bronze");
        assertThat(tiers.levels().get("gold").get("rpo").duration("max_age")).isEqualTo(Duration.ofHours(1));
        assertThat(demo.exemptions()).extracting(Exemption::rule).containsExactly("prod-rpo", "prod-pitr");
        Exemption first = demo.exemptions().get(0);
        assertThat(first.expires()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(first.approver()).isEqualTo("jane.doe@example.com");
        assertThat(first.tables()).extracting(Glob::pattern).containsExactly("scratch-*", "scratch");
    }

    @Test
    void the_set_knows_its_files_facts_and_lookback_per_fact_kind() {
        assertThat(demo.sourceFiles()).containsExactly(
                Fixtures.VALID.resolve("demo/00-tiers.yml").toString(),
                Fixtures.VALID.resolve("demo/10-production.yml").toString(),
                Fixtures.VALID.resolve("demo/20-exemptions.yml").toString());
        assertThat(demo.facts()).containsExactlyInAnyOrder(FactKind.PITR, FactKind.ON_DEMAND_BACKUPS,
                FactKind.RECOVERY_POINTS, FactKind.EXPORTS, FactKind.BACKUP_JOBS);
        // Per kind, the longest of the rules that read it (these test checks take their longest duration param):
        // dev-retention's 90d reaches only the backups it reads, not backup-job-failures' 3d jobs.
        assertThat(demo.lookbacks()).containsExactlyInAnyOrderEntriesOf(Map.of(FactKind.PITR, Duration.ofDays(35),
                FactKind.ON_DEMAND_BACKUPS, Duration.ofDays(90), FactKind.RECOVERY_POINTS, Duration.ofDays(90),
                FactKind.EXPORTS, Duration.ofHours(24), FactKind.BACKUP_JOBS, Duration.ofDays(3)));
    }

    @Test
    void a_single_file_loads_on_its_own() {
        RuleSet single = Fixtures.load(Fixtures.VALID.resolve("single-file.yaml"));
        assertThat(single.rules()).extracting(Rule::checkName)
                .containsExactly("export", "restore_test", "copy", "vault", "backup_plan");
        assertThat(single.tiers()).isEmpty();
        assertThat(single.rule("planned").orElseThrow().params().duration("max_interval")).isEqualTo(Duration.ofHours(24));
        assertThat(single.lookbacks()).containsEntry(FactKind.RECOVERY_POINTS, Duration.ofDays(365))
                .containsEntry(FactKind.COPY_JOBS, Duration.ofDays(2)).containsEntry(FactKind.RESTORE_JOBS, Duration.ofDays(8))
                .containsEntry(FactKind.EXPORTS, Duration.ofHours(26));
    }

    @Test
    void the_valid_fixtures_also_load_with_the_real_checks() {
        for (Path set : List.of(Fixtures.VALID.resolve("demo"), Fixtures.VALID.resolve("single-file.yaml"))) {
            LoadResult result = new RuleLoader(CheckRegistry.standard()).load(set);
            assertThat(result.errorLines()).as(set.toString()).isEmpty();
            assertThat(result.ruleSet().rules()).isNotEmpty();
        }
    }

    @Test
    void hidden_and_non_yaml_files_are_not_read(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rules.yml"), "rules:\n  - {name: a, check: pitr, severity: low}\n");
        Files.writeString(dir.resolve(".#rules.yml"), "not: [valid");
        Files.writeString(dir.resolve("rules.yml.bak"), "not: [valid");
        RuleSet set = Fixtures.load(dir);
        assertThat(set.sourceFiles()).containsExactly(dir.resolve("rules.yml").toString());
    }

    @Test
    void a_missing_path_is_an_error_naming_it() {
        LoadResult result = new RuleLoader(CatalogLikeChecks.registry()).load(Fixtures.VALID.resolve("nope"));
        assertThat(result.isValid()).isFalse();
        assertThat(result.errorLines()).containsExactly(
                Fixtures.VALID.resolve("nope") + ": no such rule file or directory");
    }

    @Test
    void lists_are_immutable() {
        Rule rpo = demo.rule("prod-rpo").orElseThrow();
        assertThat(List.of(rpo.frameworks(), demo.rules(), demo.exemptions(), rpo.scope().tables()))
                .allSatisfy(l -> org.assertj.core.api.Assertions.assertThatThrownBy(() -> l.add(null))
                        .isInstanceOf(UnsupportedOperationException.class));
        assertThat(rpo.scope().tags()).isEqualTo(Map.of("env", new Glob("prod")));
    }
}
