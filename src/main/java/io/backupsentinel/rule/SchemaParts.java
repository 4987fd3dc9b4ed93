package io.backupsentinel.rule;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.check.Check;
import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.check.ParamSpec;
import io.backupsentinel.model.Durations;

import java.time.Duration;

/** The pieces of {@link RuleSchema} that do not depend on one check: durations, globs, scope, schedule, tiers, exemptions. */
final class SchemaParts {
    private SchemaParts() {
    }

    static void common(ObjectNode defs) {
        defs.putObject("duration").put("type", "string").put("pattern", RuleSchema.DURATION_PATTERN)
                .put("description", "A whole number and a unit (ms, s, m, h, d, w), e.g. 15m, 1h, 35d, 2w; at most "
                        + Durations.MAX_TEXT + ".");
        ObjectNode accounts = defs.putObject("accountGlobs").put("type", "array");
        ArrayNode accountKinds = accounts.putObject("items").putArray("anyOf");
        accountKinds.addObject().put("type", "string").put("pattern", "^[0-9*?]+$");
        accountKinds.addObject().put("type", "integer").put("minimum", 0);
        globs(defs, "regionGlobs", "^[a-z0-9*?-]+$");
        globs(defs, "tableGlobs", "^[A-Za-z0-9_.*?-]+$");
        ObjectNode tags = defs.putObject("tagGlobs").put("type", "object")
                .put("description", "Tag name to value glob (* and ?).");
        tags.putObject("additionalProperties").putArray("type").add("string").add("number").add("boolean");

        ObjectNode schedule = defs.putObject("schedule").put("type", "object").put("additionalProperties", false)
                .put("description", "Every interval (at least 1m) or a Quartz cron expression; omit for the"
                        + " daemon's default.");
        ObjectNode sp = schedule.putObject("properties");
        sp.putObject("every").put("$ref", "#/$defs/duration");
        sp.putObject("cron").put("type", "string").put("description", "Quartz cron: seconds first, e.g. \"0 0/5 * * * ?\".");
        ArrayNode oneOf = schedule.putArray("oneOf");
        oneOf.addObject().putArray("required").add("every");
        oneOf.addObject().putArray("required").add("cron");

        ObjectNode scope = defs.putObject("scope").put("type", "object").put("additionalProperties", false)
                .put("description", "Lists are OR-ed within a key, keys AND-ed; exclusions win.");
        ObjectNode p = scope.putObject("properties");
        p.putObject("accounts").put("$ref", "#/$defs/accountGlobs");
        p.putObject("regions").put("$ref", "#/$defs/regionGlobs");
        p.putObject("tables").put("$ref", "#/$defs/tableGlobs");
        p.putObject("exclude_tables").put("$ref", "#/$defs/tableGlobs");
        p.putObject("tags").put("$ref", "#/$defs/tagGlobs");
        p.putObject("exclude_tags").put("$ref", "#/$defs/tagGlobs");
    }

    private static void globs(ObjectNode defs, String name, String pattern) {
        defs.putObject(name).put("type", "array").putObject("items").put("type", "string").put("pattern", pattern);
    }

    static ObjectNode tiers(CheckRegistry registry) {
        ObjectNode tiers = Json.MAPPER.createObjectNode().put("type", "object").put("additionalProperties", false)
                .put("description", "Defined at most once across the rule directory.");
        tiers.putArray("required").add("tag").add("levels");
        ObjectNode p = tiers.putObject("properties");
        p.putObject("tag").put("type", "string").put("minLength", 1)
                .put("description", "The table tag whose value picks a level.");
        ObjectNode level = p.putObject("levels").put("type", "object").putObject("additionalProperties");
        level.put("type", "object").put("additionalProperties", false)
                .put("description", "Per check, values that override a rule's own for tables of this level.");
        ObjectNode byCheck = level.putObject("properties");
        for (Check<?> c : registry.all()) {
            byCheck.putObject(c.spec().name()).put("$ref", "#/$defs/tierParams-" + c.spec().name());
        }
        return tiers;
    }

    static ObjectNode exemption() {
        ObjectNode e = Json.MAPPER.createObjectNode().put("type", "object").put("additionalProperties", false);
        e.putArray("required").add("rule").add("tables").add("reason").add("approver").add("expires");
        ObjectNode p = e.putObject("properties");
        p.putObject("rule").put("type", "string").put("description", "The name of the rule to exempt from.");
        p.putObject("accounts").put("$ref", "#/$defs/accountGlobs");
        p.putObject("regions").put("$ref", "#/$defs/regionGlobs");
        p.putObject("tables").put("$ref", "#/$defs/tableGlobs").put("minItems", 1);
        p.putObject("reason").put("type", "string").put("minLength", 1);
        p.putObject("approver").put("type", "string").put("minLength", 1);
        p.putObject("expires").put("type", "string").put("format", "date")
                .put("description", "YYYY-MM-DD; the exemption stops applying at 00:00 UTC on this date.");
        return e;
    }

    static ObjectNode param(ParamSpec p) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        switch (p.type()) {
            case DURATION -> node.put("$ref", "#/$defs/duration");
            case INTEGER -> {
                node.put("type", "integer");
                if (p.min() != null) {
                    node.put("minimum", p.min());
                }
                if (p.max() != null) {
                    node.put("maximum", p.max());
                }
            }
            case BOOLEAN -> node.put("type", "boolean");
            case STRING -> node.put("type", "string");
            case ENUM -> p.allowed().forEach(node.putArray("enum")::add);
            case STRING_LIST -> node.put("type", "array").putObject("items").put("type", "string");
            case ENUM_LIST -> {
                node.put("type", "array");
                p.allowed().forEach(node.putObject("items").putArray("enum")::add);
            }
        }
        node.put("description", p.description());
        if (p.defaultValue() != null) {
            Object d = p.defaultValue();
            node.set("default", Json.MAPPER.valueToTree(d instanceof Duration duration ? Durations.format(duration) : d));
        }
        return node;
    }
}
