package io.backupsentinel.testing;

import io.backupsentinel.model.BackupPlan;
import io.backupsentinel.model.BackupSelection;
import io.backupsentinel.model.BackupSelection.Condition;
import io.backupsentinel.model.CopyAction;
import io.backupsentinel.model.PlanRule;

import java.util.List;

/** Backup plans, rules and selections for check tests, shaped like the demo world's. */
public final class CheckPlans {
    private CheckPlans() {
    }

    public static BackupPlan plan(String name, List<PlanRule> rules, BackupSelection... selections) {
        return new BackupPlan(name + "-id", "arn:aws:backup:us-east-1:111111111111:backup-plan:" + name + "-id", name,
                rules, List.of(selections));
    }

    /** A rule on {@code cron} into {@code vault}, keeping {@code days} (null = forever), copying to {@code copies}. */
    public static PlanRule rule(String name, String cron, String vault, Long days, CopyAction... copies) {
        return new PlanRule(name, vault, cron, null, days, null, false, List.of(copies));
    }

    public static CopyAction copyTo(String region, String account, String vault) {
        return new CopyAction(CheckFactsBuilder.vaultArn(region, account, vault), 35L);
    }

    public static BackupSelection byArn(String name, String... arns) {
        return new BackupSelection(name + "-id", name, List.of(arns), List.of(), List.of(), List.of());
    }

    public static BackupSelection byTag(String name, String key, String value) {
        return new BackupSelection(name + "-id", name, List.of(), List.of(),
                List.of(new Condition("STRINGEQUALS", key, value)), List.of());
    }

    /** Every table, narrowed by Conditions (type, key, value triples; keys without the aws:ResourceTag/ prefix). */
    public static BackupSelection byConditions(String name, String... typeKeyValue) {
        List<Condition> conditions = new java.util.ArrayList<>();
        for (int i = 0; i < typeKeyValue.length; i += 3) {
            conditions.add(new Condition(typeKeyValue[i], "aws:ResourceTag/" + typeKeyValue[i + 1], typeKeyValue[i + 2]));
        }
        return new BackupSelection(name + "-id", name, List.of("arn:aws:dynamodb:*:*:table/*"), List.of(), List.of(),
                conditions);
    }
}
