package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.sandbox.state.Plan;

import java.util.List;

/**
 * A backup selection in the model's BackupSelection shape: Resources, NotResources, ListOfTags (each
 * STRINGEQUALS) and Conditions, whose StringEquals / StringNotEquals / StringLike / StringNotLike lists
 * are grouped from the state's typed conditions.
 */
final class SelectionJson {
    private static final List<String> CONDITION_TYPES =
            List.of("StringEquals", "StringNotEquals", "StringLike", "StringNotLike");

    private SelectionJson() {
    }

    static ObjectNode json(Plan.Selection s) {
        ObjectNode n = Wire.object();
        n.put("SelectionName", s.name());
        Wire.put(n, "IamRoleArn", s.iamRoleArn());
        Wire.putStrings(n, "Resources", s.resources());
        ArrayNode tags = n.putArray("ListOfTags");
        for (Plan.TagCondition t : s.listOfTags()) {
            ObjectNode c = tags.addObject();
            c.put("ConditionType", t.type() == null ? "STRINGEQUALS" : t.type());
            c.put("ConditionKey", t.key());
            c.put("ConditionValue", t.value());
        }
        Wire.putStrings(n, "NotResources", s.notResources());
        ObjectNode conditions = n.putObject("Conditions");
        for (String type : CONDITION_TYPES) {
            ArrayNode list = conditions.putArray(type);
            s.conditions().stream().filter(c -> c.type().equalsIgnoreCase(type)).forEach(c -> {
                ObjectNode p = list.addObject();
                p.put("ConditionKey", c.key());
                p.put("ConditionValue", c.value());
            });
        }
        return n;
    }
}
