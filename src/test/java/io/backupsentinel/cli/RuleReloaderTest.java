package io.backupsentinel.cli;

import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.engine.FindingSink;
import io.backupsentinel.engine.Monitor;
import io.backupsentinel.inventory.BackupInventory;
import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.Target;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.schedule.Daemon;
import io.backupsentinel.schedule.DaemonTiming;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Reload keeps the old rules unless the whole new set is valid, and follows the rule files. */
class RuleReloaderTest {
    private static final String ONE = """
            rules:
              - name: prod-rpo
                check: rpo
                severity: critical
                params: {max_age: 1h}
            """;
    private static final String TWO = ONE + """
              - name: prod-pitr
                check: pitr
                severity: high
            """;

    @TempDir
    Path dir;
    private Monitor monitor;
    private Daemon daemon;
    private RuleReloader reloader;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(dir.resolve("rules.yml"), ONE);
        BackupInventory none = new BackupInventory() {
            @Override
            public List<Target> targets() {
                return List.of();
            }

            @Override
            public RegionSnapshot collect(Target target, CollectionRequest request) {
                throw new AssertionError("no account-region to collect");
            }
        };
        DaemonTiming timing = new DaemonTiming(Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1),
                Duration.ofSeconds(1));
        monitor = new Monitor(none, new RuleLoader(CheckRegistry.standard()).load(dir).ruleSet(), Clock.systemUTC(),
                FindingSink.NONE, timing::staleAfter);
        daemon = new Daemon(monitor, timing, Set.of("rpo"));
        daemon.start();
        reloader = new RuleReloader(dir, daemon);
    }

    @AfterEach
    void stop() {
        reloader.close();
        daemon.close();
    }

    @Test
    void a_valid_set_replaces_the_rules_in_one_step() throws Exception {
        Files.writeString(dir.resolve("rules.yml"), TWO);
        RuleReloader.Outcome o = reloader.reload("test");
        assertThat(o.applied()).isTrue();
        assertThat(o.rules()).isEqualTo(2);
        assertThat(monitor.rules().rules()).extracting(r -> r.name()).containsExactly("prod-rpo", "prod-pitr");
    }

    @Test
    void a_bad_file_keeps_the_old_rules_names_its_position_and_is_counted() throws Exception {
        Files.writeString(dir.resolve("rules.yml"), TWO.replace("max_age: 1h", "max_age: soon"));
        RuleReloader.Outcome o = reloader.reload("test");
        assertThat(o.applied()).isFalse();
        assertThat(o.errors()).anySatisfy(e -> assertThat(e).matches(".*rules\\.yml:\\d+:\\d+: rule prod-rpo: .*"));
        assertThat(reloader.failures()).isEqualTo(1);
        assertThat(monitor.rules().rules()).extracting(r -> r.name()).containsExactly("prod-rpo");
    }

    @Test
    void a_change_of_the_rule_files_reloads_them() throws Exception {
        reloader.watch();
        Files.writeString(dir.resolve("rules.yml"), TWO);
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((monitor.rules().rules().size() != 2 || reloader.successes() == 0) && System.nanoTime() < giveUp) {
            Thread.sleep(100);
        }
        assertThat(monitor.rules().rules()).hasSize(2);
        assertThat(reloader.successes()).isPositive();
    }
}
