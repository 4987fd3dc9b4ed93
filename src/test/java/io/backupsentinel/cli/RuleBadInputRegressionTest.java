package io.backupsentinel.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.engine.FindingSink;
import io.backupsentinel.schedule.DaemonTiming;
import java.util.Set;
import io.backupsentinel.engine.Monitor;
import io.backupsentinel.inventory.BackupInventory;
import io.backupsentinel.inventory.CollectionRequest;
import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.Target;
import io.backupsentinel.report.FindingFields;
import io.backupsentinel.rule.RuleLoader;
import io.backupsentinel.rule.RuleSet;
import io.backupsentinel.schedule.Daemon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per row of issue 7's table that concerns rule files: each input as a user wrote it. */
class RuleBadInputRegressionTest {
    private static final String RULE = "rules:\n  - name: prod-rpo\n    check: rpo\n    severity: critical\n";
    /** One production table with PITR on, for audits that must reach (or miss) it. */
    private static final String SCENARIO = """
            accounts:
              - id: "111111111111"
                regions:
                  us-east-1:
                    tables:
                      - name: orders
                        tags: {env: prod}
                        pitr: {enabled_since: -2d}
            """;

    @TempDir
    Path dir;

    @Test
    void row_1_a_max_age_of_99999999999999d_is_refused_by_validate_with_its_position_and_never_reaches_audit()
            throws IOException {
        Path rules = write("rules", "r.yml", RULE + "    params: {max_age: 99999999999999d}\n");

        Cli validate = Cli.run("validate", "--rules", rules.toString());
        Cli audit = Cli.run("audit", "--sandbox", "--rules", rules.toString());

        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.errorLines()).containsExactly(rules.resolve("r.yml") + ":5:23: rule prod-rpo: parameter"
                + " 'max_age' must be a duration: '99999999999999d' is too long: a duration is at most 100 years (36525d)");
        assertThat(audit.exit()).isEqualTo(2);
        assertThat(audit.showsAStackTrace()).as(audit.all()).isFalse();
    }

    @Test
    void row_2_a_schedule_every_99999999999999d_is_refused_and_run_exits_2_without_starting() throws IOException {
        Path rules = write("rules", "r.yml", RULE + "    schedule: {every: 99999999999999d}\n    params: {max_age: 1h}\n");
        Path config = Files.writeString(dir.resolve("sentinel.yml"), "rules: rules\n");

        Cli validate = Cli.run("validate", "--rules", rules.toString());
        Cli run = Cli.run("run", "--config", config.toString());

        assertThat(validate.errorLines()).singleElement().asString()
                .startsWith(rules.resolve("r.yml") + ":5:23: rule prod-rpo: 'every' must be a duration:")
                .endsWith("is too long: a duration is at most 100 years (36525d)");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(":5:23: rule prod-rpo: 'every'");
        assertThat(run.showsAStackTrace()).as(run.all()).isFalse();
    }

    @Test
    void row_2_the_longest_schedule_allowed_builds_triggers_without_overflow() throws Exception {
        Path rules = write("rules", "r.yml", RULE + "    schedule: {every: 36525d}\n    params: {max_age: 36525d}\n");
        RuleSet set = new RuleLoader(CheckRegistry.standard()).load(rules).ruleSet();
        BackupInventory nothing = new BackupInventory() {
            @Override
            public List<Target> targets() {
                return List.of();
            }

            @Override
            public RegionSnapshot collect(Target target, CollectionRequest request) {
                throw new AssertionError("no target to collect");
            }
        };
        DaemonTiming timing = new DaemonTiming(Duration.ofDays(36_525), Duration.ofDays(36_525),
                Duration.ofDays(30), Duration.ofSeconds(1));
        Monitor monitor = new Monitor(nothing, set, Clock.systemUTC(), FindingSink.NONE, timing::staleAfter);

        try (Daemon daemon = new Daemon(monitor, timing, Set.of("rpo"))) {
            daemon.start();
            assertThat(timing.staleAfter(set.rules().get(0))).isEqualTo(Duration.ofDays(36_525));
        }
    }

    @Test
    void row_3_3000000000000000w_is_refused_with_a_position_in_max_age_and_every_and_exits_2_in_audit()
            throws IOException {
        Path rules = write("rules", "r.yml", RULE + "    schedule: {every: 3000000000000000w}\n"
                + "    params: {max_age: 3000000000000000w}\n");

        Cli validate = Cli.run("validate", "--rules", rules.toString());
        Cli audit = Cli.run("audit", "--sandbox", "--rules", rules.toString());

        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.errorLines()).hasSize(2).allSatisfy(l -> assertThat(l)
                .matches(".*r\\.yml:[56]:23: rule prod-rpo: .*at most 100 years \\(36525d\\)"));
        assertThat(audit.exit()).isEqualTo(2);
        assertThat(validate.showsAStackTrace() || audit.showsAStackTrace()).isFalse();
    }

    @Test
    void row_4_a_name_that_is_a_list_or_a_mapping_gets_a_located_error_not_a_null_pointer() throws IOException {
        Path list = write("list", "r.yml", "rules:\n  - name: [a, b]\n    check: pitr\n    severity: high\n");
        Path map = write("map", "r.yml", "rules:\n  - name: {a: b}\n    check: pitr\n    severity: high\n");

        Cli fromList = Cli.run("validate", "--rules", list.toString());
        Cli fromMap = Cli.run("validate", "--rules", map.toString());

        assertThat(fromList.errorLines()).containsExactly(list.resolve("r.yml") + ":2:11: 'name' must be text, not a list");
        assertThat(fromMap.errorLines()).containsExactly(map.resolve("r.yml") + ":2:11: 'name' must be text, not a mapping");
        assertThat(fromList.showsAStackTrace() || fromMap.showsAStackTrace()).isFalse();
    }

    @Test
    void row_7_no_rules_at_all_is_an_error_for_validate_audit_and_run() throws IOException {
        Path rules = write("rules", "a.yml", "# nothing yet\n");
        Files.writeString(rules.resolve("b.yml"), "rules: []\n");
        Path config = Files.writeString(dir.resolve("sentinel.yml"), "rules: rules\n");
        String error = rules + ": no rules loaded: a.yml is empty or only comments, b.yml has an empty 'rules'";

        Cli validate = Cli.run("validate", "--rules", rules.toString());
        Cli audit = Cli.run("audit", "--sandbox", "--rules", rules.toString());
        Cli run = Cli.run("run", "--config", config.toString());

        assertThat(validate.exit()).isEqualTo(1);
        assertThat(validate.errorLines()).singleElement().asString().startsWith(error);
        assertThat(audit.exit()).isEqualTo(2);
        assertThat(audit.err()).contains(error);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains(error);
    }

    @Test
    void row_7_an_empty_file_among_others_is_named_in_a_warning() throws IOException {
        Path rules = write("rules", "a.yml", RULE + "    params: {max_age: 1h}\n");
        Files.writeString(rules.resolve("b.yml"), "");

        Cli validate = Cli.run("validate", "--rules", rules.toString());

        assertThat(validate.exit()).isZero();
        assertThat(validate.warningLines()).containsExactly(rules.resolve("b.yml")
                + ": warning: is empty or only comments: it defines nothing");
    }

    @Test
    void row_8_links_that_lead_nowhere_and_look_alike_names_are_named_in_warnings() throws IOException {
        Path rules = write("rules", "good.yml", RULE + "    params: {max_age: 1h}\n");
        Files.createSymbolicLink(rules.resolve("loop-a.yml"), rules.resolve("loop-b.yml"));
        Files.createSymbolicLink(rules.resolve("loop-b.yml"), rules.resolve("loop-a.yml"));
        Files.createSymbolicLink(rules.resolve("dangling.yml"), rules.resolve("gone.yml"));
        Files.writeString(rules.resolve("upper.YML"), RULE);
        Files.writeString(rules.resolve("old.yaml.bak"), RULE);
        Files.writeString(rules.resolve("edit.yml~"), RULE);

        Cli validate = Cli.run("validate", "--rules", rules.toString());
        Cli audit = Cli.run("audit", "--sandbox", "--rules", rules.toString(), "--scenario", scenario().toString());

        assertThat(validate.exit()).isZero();
        assertThat(validate.warningLines()).containsExactly(
                rules.resolve("dangling.yml") + ": warning: a dangling symbolic link (its target "
                        + rules.resolve("gone.yml") + " does not exist); skipped",
                rules.resolve("edit.yml~") + ": warning: looks like a copy of a rule file and is skipped: only names"
                        + " ending in .yml or .yaml are read",
                rules.resolve("loop-a.yml") + ": warning: a symbolic link loop; skipped",
                rules.resolve("loop-b.yml") + ": warning: a symbolic link loop; skipped",
                rules.resolve("old.yaml.bak") + ": warning: looks like a copy of a rule file and is skipped: only names"
                        + " ending in .yml or .yaml are read",
                rules.resolve("upper.YML") + ": warning: looks like a rule file but is skipped: only names ending in"
                        + " .yml or .yaml (lower case) are read");
        assertThat(audit.err()).contains(rules.resolve("loop-a.yml") + ": warning: a symbolic link loop; skipped");
    }

    @Test
    void row_24_a_rule_whose_scope_reaches_no_table_is_named_and_the_audit_exits_2() throws IOException {
        Path rules = write("rules", "r.yml", "rules:\n  - name: prod-pitr\n    check: pitr\n    severity: critical\n"
                + "    scope: {tags: {env: prd}}\n");

        Cli audit = Cli.run("audit", "--sandbox", "--rules", rules.toString(), "--scenario", scenario().toString());

        assertThat(audit.exit()).isEqualTo(2);
        assertThat(audit.out()).contains("0 findings on 0 tables").contains("tables per rule: prod-pitr 0")
                .contains("rule prod-pitr reached no table: its scope matches no table in the accounts and regions"
                        + " audited; fix its scope, or set allow_empty: true if that is expected");
    }

    @Test
    void row_24_allow_empty_lets_a_rule_reach_no_table_and_json_reports_the_reach() throws IOException {
        Path rules = write("rules", "r.yml", "rules:\n  - name: prod-pitr\n    check: pitr\n    severity: critical\n"
                + "    scope: {tags: {env: prod}}\n  - name: legacy-pitr\n    check: pitr\n    severity: low\n"
                + "    scope: {tags: {env: legacy}}\n    allow_empty: true\n");

        Cli audit = Cli.run("audit", "--sandbox", "--rules", rules.toString(), "--scenario", scenario().toString(),
                "--format", "json");

        assertThat(audit.exit()).as(audit.all()).isNotEqualTo(2);
        JsonNode report = new ObjectMapper().readTree(audit.out());
        assertThat(report.get("rules").toString()).isEqualTo("[{\"rule\":\"prod-pitr\",\"tables\":1,\"allowEmpty\":false},"
                + "{\"rule\":\"legacy-pitr\",\"tables\":0,\"allowEmpty\":true}]");
        assertThat(report.get("findings").get(0).fieldNames()).toIterable().containsExactlyElementsOf(FindingFields.COLUMNS);
    }

    private Path write(String sub, String file, String text) throws IOException {
        Path d = Files.createDirectories(dir.resolve(sub));
        Files.writeString(d.resolve(file), text);
        return d;
    }

    private Path scenario() throws IOException {
        return Files.writeString(dir.resolve("scenario.yml"), SCENARIO);
    }
}
