package io.backupsentinel.model;

import java.util.List;

/**
 * A backup selection exactly as AWS Backup stores it. {@code listOfTags} entries are OR-ed;
 * {@code conditions} are AND-ed with each other and with Resources. Keys in conditions are written as
 * AWS writes them, {@code aws:ResourceTag/KEY}.
 */
public record BackupSelection(String id, String name, List<String> resources, List<String> notResources,
                              List<Condition> listOfTags, List<Condition> conditions) {
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
