package io.backupsentinel.engine;

import io.backupsentinel.model.BackupPlan;
import io.backupsentinel.model.FactKind;
import io.backupsentinel.model.PitrState;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.PostureChange.Aspect;
import io.backupsentinel.model.TableFacts;
import io.backupsentinel.model.Vault;
import io.backupsentinel.testing.CheckFactsBuilder;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.backupsentinel.testing.CheckPlans.byArn;
import static io.backupsentinel.testing.CheckPlans.byTag;
import static io.backupsentinel.testing.CheckPlans.plan;
import static io.backupsentinel.testing.CheckPlans.rule;
import static org.assertj.core.api.Assertions.assertThat;

class PostureDiffTest {
    private static final Instant AT = CheckFactsBuilder.NOW;
    private static final String ARN = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";

    private static CheckFactsBuilder orders() {
        return CheckFactsBuilder.table("orders");
    }

    private static List<PostureChange> diff(CheckFactsBuilder before, CheckFactsBuilder after) {
        return PostureDiff.between(before.build(), after.build(), AT);
    }

    private static PostureChange change(Aspect aspect, String before, String after) {
        return new PostureChange(orders().ref(), aspect, before, after, AT);
    }

    @Test
    void identical_facts_make_no_change() {
        assertThat(diff(orders().pitrOn(35, Duration.ofMinutes(5)), orders().pitrOn(35, Duration.ofMinutes(1)))).isEmpty();
    }

    @Test
    void a_new_table_is_created_and_a_vanished_one_deleted() {
        TableFacts facts = orders().build();
        assertThat(PostureDiff.between(null, facts, AT)).containsExactly(change(Aspect.TABLE_CREATED, null, "ACTIVE"),
                change(Aspect.TABLE_TAGS, null, "{\"env\":\"prod\"}"));
        assertThat(PostureDiff.between(facts, null, AT)).containsExactly(change(Aspect.TABLE_DELETED, "ACTIVE", null));
        assertThat(PostureDiff.between(null, null, AT)).isEmpty();
    }

    @Test
    void pitr_switched_off_is_a_change_of_pitr_enabled() {
        assertThat(diff(orders().pitrOn(35, Duration.ofMinutes(5)), orders().pitr(PitrState.disabled())))
                .containsExactly(change(Aspect.PITR_ENABLED, "enabled", "disabled"));
    }

    @Test
    void a_shorter_recovery_period_is_a_change_while_pitr_stays_on() {
        assertThat(diff(orders().pitrOn(35, Duration.ofMinutes(5)), orders().pitrOn(7, Duration.ofMinutes(5))))
                .containsExactly(change(Aspect.PITR_RECOVERY_PERIOD, "35d", "7d"));
    }

    @Test
    void unknown_pitr_on_either_side_makes_no_change() {
        assertThat(diff(orders().pitrOn(35, Duration.ofMinutes(5)), orders().failed(FactKind.PITR, "throttled"))).isEmpty();
        assertThat(diff(orders().failed(FactKind.PITR, "AccessDenied"), orders().pitr(PitrState.disabled()))).isEmpty();
    }

    @Test
    void a_plan_that_starts_selecting_the_table_by_tag_is_coverage_gained() {
        BackupPlan gold = plan("gold", List.of(rule("daily", "cron(0 5 * * ? *)", "prod-vault", 35L)), byTag("gold-tables", "tier", "gold"));
        assertThat(diff(orders().plans(gold), orders().tag("tier", "gold").plans(gold)))
                .contains(change(Aspect.BACKUP_PLAN_COVERAGE, "none", "gold"));
        assertThat(diff(orders().tag("tier", "gold").plans(gold), orders().plans(gold)))
                .contains(change(Aspect.BACKUP_PLAN_COVERAGE, "gold", "none"));
    }

    @Test
    void a_tag_added_is_a_tags_change_in_canonical_json_and_unknown_tags_are_none() {
        assertThat(diff(orders(), orders().tag("tier", "gold")))
                .containsExactly(change(Aspect.TABLE_TAGS, "{\"env\":\"prod\"}", "{\"env\":\"prod\",\"tier\":\"gold\"}"));
        assertThat(diff(orders(), orders().noTags())).isEmpty();
        assertThat(PostureDiff.tagsFirstSeen(orders().noTags().build(), AT)).isEmpty();
        assertThat(PostureDiff.tagsFirstSeen(orders().build(), AT)).hasValue(change(Aspect.TABLE_TAGS, null, "{\"env\":\"prod\"}"));
    }

    @Test
    void unknown_plans_or_tags_make_no_coverage_change() {
        BackupPlan gold = plan("gold", List.of(rule("daily", "cron(0 5 * * ? *)", "prod-vault", 35L)), byArn("s", ARN));
        assertThat(diff(orders().plans(gold), orders().failed(FactKind.PLANS, "throttled"))).isEmpty();
        assertThat(diff(orders().plans(gold), orders().noTags().plans())).isEmpty();
    }

    @Test
    void a_covering_plan_keeping_backups_for_less_time_is_a_retention_change() {
        BackupPlan before = plan("gold", List.of(rule("daily", "cron(0 5 * * ? *)", "prod-vault", 35L),
                rule("monthly", "cron(0 5 1 * ? *)", "prod-vault", null)), byArn("s", ARN));
        BackupPlan after = plan("gold", List.of(rule("daily", "cron(0 5 * * ? *)", "prod-vault", 7L),
                rule("monthly", "cron(0 5 1 * ? *)", "prod-vault", null)), byArn("s", ARN));
        assertThat(diff(orders().plans(before), orders().plans(after))).containsExactly(change(Aspect.BACKUP_RETENTION,
                "gold/daily 35d; gold/monthly forever", "gold/daily 7d; gold/monthly forever"));
    }

    @Test
    void a_plan_that_does_not_cover_the_table_changes_nothing_about_it() {
        BackupPlan other = plan("other", List.of(rule("daily", "cron(0 5 * * ? *)", "v", 35L)), byTag("s", "tier", "bronze"));
        BackupPlan shorter = plan("other", List.of(rule("daily", "cron(0 5 * * ? *)", "v", 1L)), byTag("s", "tier", "bronze"));
        assertThat(diff(orders().plans(other), orders().plans(shorter))).isEmpty();
    }

    @Test
    void the_vault_holding_the_tables_points_getting_locked_is_a_vault_lock_change() {
        CheckFactsBuilder before = orders();
        before.recoveryPoints(before.point("prod-vault", Duration.ofHours(3), "COMPLETED", 35L)).vaults(vault(false, null));
        CheckFactsBuilder after = orders();
        after.recoveryPoints(after.point("prod-vault", Duration.ofHours(1), "COMPLETED", 35L)).vaults(vault(true, null));
        assertThat(diff(before, after)).containsExactly(change(Aspect.VAULT_LOCK, "prod-vault: unlocked",
                "prod-vault: locked (min 7d, max 400d)"));
    }

    @Test
    void the_vault_switching_to_a_customer_key_is_a_vault_encryption_change() {
        String key = "arn:aws:kms:us-east-1:111111111111:key/k1";
        CheckFactsBuilder before = orders();
        before.recoveryPoints(before.point("prod-vault", Duration.ofHours(3), "COMPLETED", 35L)).vaults(vault(false, null));
        CheckFactsBuilder after = orders();
        after.recoveryPoints(after.point("prod-vault", Duration.ofHours(3), "COMPLETED", 35L)).vaults(vault(false, key));
        assertThat(diff(before, after)).containsExactly(change(Aspect.VAULT_ENCRYPTION, "prod-vault: AWS_OWNED_KMS_KEY",
                "prod-vault: CUSTOMER_MANAGED_KMS_KEY " + key));
    }

    @Test
    void a_vault_that_holds_none_of_the_tables_points_or_is_unknown_changes_nothing() {
        CheckFactsBuilder before = orders().vaults(vault(false, null));
        CheckFactsBuilder after = orders().vaults(vault(true, null));
        assertThat(diff(before, after)).isEmpty();
        CheckFactsBuilder known = orders();
        known.recoveryPoints(known.point("prod-vault", Duration.ofHours(3), "COMPLETED", 35L)).vaults(vault(false, null));
        CheckFactsBuilder blind = orders();
        blind.recoveryPoints(blind.point("prod-vault", Duration.ofHours(3), "COMPLETED", 35L)).failed(FactKind.VAULTS, "denied");
        assertThat(diff(known, blind)).isEmpty();
    }

    private static Vault vault(boolean locked, String customerKey) {
        return new Vault("prod-vault", CheckFactsBuilder.vaultArn("us-east-1", "111111111111", "prod-vault"), locked,
                locked ? 7L : null, locked ? 400L : null, null, customerKey,
                customerKey == null ? "AWS_OWNED_KMS_KEY" : "CUSTOMER_MANAGED_KMS_KEY", "BACKUP_VAULT");
    }
}
