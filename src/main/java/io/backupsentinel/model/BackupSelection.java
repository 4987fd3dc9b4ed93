package io.backupsentinel.model;

import java.util.List;

/**
 * A backup selection exactly as AWS Backup stores it. {@code listOfTags} entries are OR-ed;
 * {@code conditions} are AND-ed with each other and with Resources. Keys in conditions are written as
 * AWS writes them, {@code aws:ResourceTag/KEY}. {@code iamRoleArn} is the role AWS Backup assumes for the
 * selection's backups (null when not known); a recovery runbook names it for the restore.
 */
public record BackupSelection(String id, String name, List<String> resources, List<String> notResources,
                              List<Condition> listOfTags, List<Condition> conditions, String iamRoleArn) {
    /** A selection whose IAM role is not known. */
    public BackupSelection(String id, String name, List<String> resources, List<String> notResources,
                           List<Condition> listOfTags, List<Condition> conditions) {
        this(id, name, resources, notResources, listOfTags, conditions, null);
    }

    public BackupSelection {
        resources = List.copyOf(resources);
        notResources = List.copyOf(notResources);
        listOfTags = List.copyOf(listOfTags);
        conditions = List.copyOf(conditions);
    }

    /**
     * One tag condition. {@code type} is STRINGEQUALS (ListOfTags) or one of StringEquals, StringLike,
     * StringNotEquals, StringNotLike (Conditions).
     */
    public record Condition(String type, String key, String value) {
    }
}
