package io.backupsentinel.model;

import java.util.List;

/** An AWS Backup plan of one account-region, with its rules and the selections that assign resources to it. */
public record BackupPlan(String id, String arn, String name, List<PlanRule> rules, List<BackupSelection> selections) {
    public BackupPlan {
        rules = List.copyOf(rules);
        selections = List.copyOf(selections);
    }
}
