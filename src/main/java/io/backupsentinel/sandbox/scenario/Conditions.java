package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;
import io.backupsentinel.sandbox.state.Plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads tag conditions as AWS Backup states them: {@code conditions: {string_equals: {backup-tier: silver}}}.
 * A key without a prefix is a tag key and becomes {@code aws:ResourceTag/KEY}, as AWS Backup writes it.
 */
final class Conditions {
    private Conditions() {
    }

    static List<Plan.TagCondition> read(YNode node, List<String> allowedTypes) {
        List<Plan.TagCondition> out = new ArrayList<>();
        YMap m = node.map();
        for (String type : allowedTypes) {
            String key = snake(type);
            YNode group = m.get(key);
            if (group == null) {
                continue;
            }
            for (Map.Entry<String, YNode> e : group.map().entries().entrySet()) {
                String value = e.getValue().string();
                if (value != null) {
                    out.add(new Plan.TagCondition(type, tagKey(e.getKey()), value));
                }
            }
        }
        m.finish();
        return out;
    }

    static String tagKey(String key) {
        return key.startsWith("aws:") ? key : "aws:ResourceTag/" + key;
    }

    /** StringNotEquals → string_not_equals. */
    private static String snake(String type) {
        return type.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
