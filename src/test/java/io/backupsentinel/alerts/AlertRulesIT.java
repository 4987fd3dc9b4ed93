package io.backupsentinel.alerts;

import io.backupsentinel.testing.DebianProgram;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped alerting rules pass {@code promtool check rules} and their unit tests. */
class AlertRulesIT {
    private static final Path ALERTS = Path.of("alerts");

    @Test
    void the_shipped_rules_are_valid_for_prometheus() throws Exception {
        Path promtool = DebianProgram.require("promtool", "prometheus");

        Result r = run(promtool.toString(), "check", "rules", "backup-sentinel.rules.yml");

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }

    @Test
    void the_rule_unit_tests_pass_including_missing_series_does_not_fire() throws Exception {
        Path promtool = DebianProgram.require("promtool", "prometheus");

        Result r = run(promtool.toString(), "test", "rules", "backup-sentinel.test.yml");

        assertThat(r.exit()).as(r.output()).isZero();
        assertThat(r.output()).contains("SUCCESS");
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).directory(ALERTS.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("promtool did not finish within 2 minutes: " + out);
        }
        return new Result(p.exitValue(), out);
    }
}
