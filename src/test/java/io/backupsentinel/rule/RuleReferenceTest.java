package io.backupsentinel.rule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleReferenceTest {
    private final String reference = RuleReference.markdown(CatalogLikeChecks.registry());

    @Test
    void every_check_has_a_section_with_its_description_and_example() {
        for (String check : new String[]{"pitr", "rpo", "retention", "backup_plan", "copy", "vault", "export",
                "restore_test", "backup_jobs"}) {
            assertThat(reference).contains("\n### `" + check + "`\n\nCatalog-like " + check + " check for tests.\n")
                    .contains("```yaml\n- name: example-" + check.replace('_', '-') + "\n  check: " + check);
        }
    }

    @Test
    void parameters_are_a_table_with_type_requirement_default_and_description() {
        assertThat(reference)
                .contains("| parameter | type | required | default | description |")
                .contains("| `max_age` | duration | required | — | oldest acceptable newest restorable point |")
                .contains("| `sources` | list of `pitr`, `on_demand`, `aws_backup`, `export` | optional"
                        + " | `[pitr, on_demand, aws_backup, export]` | recovery sources that count |")
                .contains("| `min_count` | integer (≥ 0) | optional | — | fewest restorable points |")
                .contains("| `min_recovery_period` | duration | optional | `35d` |");
    }

    @Test
    void iam_actions_are_listed_per_check() {
        assertThat(reference).contains("IAM actions: `backup:ListBackupJobs`\n");
    }
}
