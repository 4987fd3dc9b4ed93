package io.backupsentinel.rule;

import io.backupsentinel.check.CheckRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TieredOptOutTest {
    @TempDir
    Path dir;

    @Test
    void a_rule_with_tiered_false_keeps_its_own_params_for_every_tier() throws IOException {
        Files.writeString(dir.resolve("rules.yml"), """
                tiers:
                  tag: backup-tier
                  levels:
                    gold: {rpo: {max_age: 1h}}
                rules:
                  - name: rpo
                    check: rpo
                    severity: critical
                    params: {max_age: 24h}
                  - name: vaulted-rpo
                    check: rpo
                    severity: high
                    tiered: false
                    params: {max_age: 26h, sources: [aws_backup]}
                """);
        RuleSet set = new RuleLoader(CheckRegistry.standard()).load(dir).ruleSet();
        Map<String, String> gold = Map.of("backup-tier", "gold");

        assertThat(set.rule("rpo").orElseThrow().paramsFor(gold).duration("max_age")).isEqualTo(Duration.ofHours(1));
        assertThat(set.rule("vaulted-rpo").orElseThrow().paramsFor(gold).duration("max_age"))
                .isEqualTo(Duration.ofHours(26));
    }
}
