package io.backupsentinel.engine;

import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.check.Lookbacks;
import io.backupsentinel.inventory.BackupInventory;
import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.Target;
import io.backupsentinel.rule.LoadResult;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.rule.RuleSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** An audit asks the inventory for each fact kind only as far back as the rules reading it need, plus a margin. */
class AuditLookbackTest {
    @TempDir
    Path dir;

    @Test
    void each_kind_is_collected_back_to_its_own_rules_need_plus_one_day() throws Exception {
        Files.writeString(dir.resolve("rules.yml"), """
                rules:
                  - name: keep-at-most-seven-years
                    check: retention
                    severity: medium
                    params: {max_retention: 2555d, sources: [aws_backup]}
                  - name: no-failed-jobs
                    check: backup_jobs
                    severity: medium
                    params: {window: 7d}
                  - name: pitr-on
                    check: pitr
                    severity: high
                """);
        LoadResult loaded = new RuleLoader(CheckRegistry.standard()).load(dir);
        assertThat(loaded.errorLines()).isEmpty();
        RuleSet rules = loaded.ruleSet();
        List<CollectionRequest> asked = new CopyOnWriteArrayList<>();
        BackupInventory inventory = new BackupInventory() {
            @Override
            public List<Target> targets() {
                return List.of(new Target("111111111111", "us-east-1"));
            }

            @Override
            public RegionSnapshot collect(Target target, CollectionRequest request) {
                asked.add(request);
                return new RegionSnapshot(target, List.of(), null, Map.of());
            }
        };

        new Audit(inventory, Clock.fixed(Instant.parse("2026-03-02T12:00:00Z"), ZoneOffset.UTC)).collect(rules);

        assertThat(asked).singleElement().satisfies(r -> {
            // retention reads on-demand backups only when that source is chosen, and this rule does not choose it
            assertThat(r.facts()).containsExactlyInAnyOrder(FactKind.PITR, FactKind.RECOVERY_POINTS, FactKind.BACKUP_JOBS);
            assertThat(r.lookback(FactKind.BACKUP_JOBS)).isEqualTo(Duration.ofDays(8));
            assertThat(r.lookback(FactKind.RECOVERY_POINTS)).isEqualTo(Lookbacks.ALL_RETAINED.plusDays(1));
            assertThat(r.lookback(FactKind.PITR)).isZero();
        });
    }
}
