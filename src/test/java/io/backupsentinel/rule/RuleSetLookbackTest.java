package io.backupsentinel.rule;

import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.check.Lookbacks;
import io.backupsentinel.model.FactKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** A rule set collects each fact kind only as far back as the rules that read it need, tier levels included. */
class RuleSetLookbackTest {
    @TempDir
    Path dir;

    private RuleSet load(String yaml) throws IOException {
        Files.writeString(dir.resolve("rules.yml"), yaml);
        LoadResult result = new RuleLoader(CheckRegistry.standard()).load(dir);
        assertThat(result.errorLines()).isEmpty();
        return result.ruleSet();
    }

    @Test
    void a_seven_year_max_retention_no_longer_widens_the_backup_jobs_window() throws IOException {
        RuleSet set = load("""
                rules:
                  - name: keep-at-most-seven-years
                    check: retention
                    severity: medium
                    params: {max_retention: 2555d, sources: [aws_backup]}
                  - name: no-failed-jobs
                    check: backup_jobs
                    severity: medium
                    params: {window: 7d}
                  - name: hourly-rpo
                    check: rpo
                    severity: critical
                    params: {max_age: 1h, sources: [pitr, on_demand]}
                """);
        assertThat(set.lookbacks())
                .containsEntry(FactKind.BACKUP_JOBS, Duration.ofDays(7))
                .containsEntry(FactKind.ON_DEMAND_BACKUPS, Duration.ofHours(1))
                .containsEntry(FactKind.PITR, Duration.ZERO)
                .containsEntry(FactKind.RECOVERY_POINTS, Lookbacks.ALL_RETAINED);
        assertThat(set.facts()).as("rpo chose neither exports nor AWS Backup; only retention reads recovery points")
                .doesNotContain(FactKind.EXPORTS).isEqualTo(set.lookbacks().keySet());
    }

    @Test
    void a_tier_level_with_a_longer_max_age_widens_its_rules_listings() throws IOException {
        RuleSet set = load("""
                tiers:
                  tag: backup-tier
                  levels:
                    gold: {rpo: {max_age: 1h}}
                    bronze: {rpo: {max_age: 3d}}
                rules:
                  - name: rpo
                    check: rpo
                    severity: critical
                    params: {max_age: 24h, sources: [aws_backup]}
                """);
        assertThat(set.lookbacks()).containsEntry(FactKind.RECOVERY_POINTS, Duration.ofDays(3));
        assertThat(set.rule("rpo").orElseThrow().lookbacks()).containsEntry(FactKind.RECOVERY_POINTS, Duration.ofDays(3));
    }

    @Test
    void a_rule_set_without_listings_needs_no_history() throws IOException {
        RuleSet set = load("""
                rules:
                  - name: pitr-on
                    check: pitr
                    severity: high
                """);
        assertThat(set.lookbacks()).containsExactlyEntriesOf(java.util.Map.of(FactKind.PITR, Duration.ZERO));
    }
}
