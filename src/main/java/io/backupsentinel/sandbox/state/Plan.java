package io.backupsentinel.sandbox.state;

import java.time.Instant;
import java.util.List;

/** A backup plan with its rules and selections. */
public record Plan(String id, String arn, String name, String versionId, Instant created, List<Rule> rules,
                   List<Selection> selections) {
    public Plan {
        rules = List.copyOf(rules);
        selections = List.copyOf(selections);
    }

    /** A plan rule; {@code deleteAfterDays} null keeps recovery points forever. */
    public record Rule(String id, String name, String targetVault, String scheduleExpression,
                       String scheduleTimezone, Long startWindowMinutes, Long completionWindowMinutes,
                       Long deleteAfterDays, Long moveToColdStorageAfterDays, boolean continuousBackup,
                       List<Copy> copyActions) {
        public Rule {
            copyActions = List.copyOf(copyActions);
        }
    }

    public record Copy(String destinationVaultArn, Long deleteAfterDays, Long moveToColdStorageAfterDays) {
    }

    /**
     * A backup selection. {@code listOfTags} items have type STRINGEQUALS; {@code conditions} items have
     * type StringEquals, StringLike, StringNotEquals or StringNotLike and keys like aws:ResourceTag/env.
     */
    public record Selection(String id, String name, String iamRoleArn, Instant created, List<String> resources,
                            List<String> notResources, List<TagCondition> listOfTags,
                            List<TagCondition> conditions) {
        public Selection {
            resources = List.copyOf(resources);
            notResources = List.copyOf(notResources);
            listOfTags = List.copyOf(listOfTags);
            conditions = List.copyOf(conditions);
        }
    }

    public record TagCondition(String type, String key, String value) {
    }
}
