package io.backupsentinel.rule;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupsentinel.check.Check;
import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.check.CheckSpec;
import io.backupsentinel.check.ParamSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JSON Schema (draft 2020-12) of rule files, generated from the check registry so that editors complete and
 * check {@code check:} names and each check's {@code params} (types, enums, required, defaults, descriptions).
 * It is a convenience for editors; {@link RuleLoader} remains the authority (it also checks meaning: cron,
 * unique names, exemptions naming rules, parameters that bind). Shipped as {@code rules/schema.json}.
 */
public final class RuleSchema {
    static final String DURATION_PATTERN = "^([0-9]+(ms|s|m|h|d|w))+$";

    private RuleSchema() {
    }

    /**
     * Writes the schema of the standard registry to the file named by the only argument (the build's way to
     * regenerate {@code rules/schema.json}). Only {@code cli} prints to standard output, so a file is required.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: RuleSchema FILE (e.g. rules/schema.json)");
        }
        Files.writeString(Path.of(args[0]), generate(CheckRegistry.standard()), StandardCharsets.UTF_8);
    }

    public static String generate(CheckRegistry registry) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://backupsentinel.io/schemas/rules.schema.json");
        root.put("title", "Backup Sentinel rule file");
        root.put("description", "Rules, tiers and exemptions for Backup Sentinel. Generated from the check registry"
                + " by io.backupsentinel.rule.RuleSchema; do not edit by hand.");
        root.put("type", "object");
        root.put("additionalProperties", false);
        ObjectNode props = root.putObject("properties");
        props.putObject("tiers").put("$ref", "#/$defs/tiers");
        array(props.putObject("rules"), "#/$defs/rule");
        array(props.putObject("exemptions"), "#/$defs/exemption");
        ObjectNode defs = root.putObject("$defs");
        SchemaParts.common(defs);
        defs.set("rule", rule(registry));
        defs.set("tiers", SchemaParts.tiers(registry));
        defs.set("exemption", SchemaParts.exemption());
        for (Check<?> check : registry.all()) {
            CheckSpec spec = check.spec();
            defs.set("params-" + spec.name(), params(spec, true));
            defs.set("tierParams-" + spec.name(), params(spec, false));
        }
        return Json.pretty(root);
    }

    private static void array(ObjectNode node, String itemRef) {
        node.put("type", "array");
        node.putObject("items").put("$ref", itemRef);
    }

    private static ObjectNode rule(CheckRegistry registry) {
        ObjectNode rule = Json.MAPPER.createObjectNode();
        rule.put("type", "object");
        rule.put("additionalProperties", false);
        rule.putArray("required").add("name").add("check").add("severity");
        ObjectNode p = rule.putObject("properties");
        p.putObject("name").put("type", "string").put("pattern", "^" + RuleReader.NAME.pattern() + "$")
                .put("description", "Unique across the rule directory.");
        p.putObject("description").put("type", "string");
        ObjectNode check = p.putObject("check").put("description", "The check this rule runs.");
        ArrayNode names = check.putArray("enum");
        registry.all().forEach(c -> names.add(c.spec().name()));
        ArrayNode severities = p.putObject("severity").putArray("enum");
        RuleReader.SEVERITIES.forEach(severities::add);
        p.putObject("owner").put("type", "string");
        p.putObject("frameworks").put("type", "array").putObject("items").put("type", "string");
        p.putObject("schedule").put("$ref", "#/$defs/schedule");
        p.putObject("scope").put("$ref", "#/$defs/scope");
        p.putObject("params").put("type", "object").put("description", "The check's parameters; tier levels"
                + " override them.");
        p.putObject("tiered").put("type", "boolean").put("default", true).put("description", "false: the rule's"
                + " own params hold for every table, whatever its tier tag says.");
        p.putObject("allow_empty").put("type", "boolean").put("default", false).put("description", "true: the rule"
                + " may reach no table; otherwise an audit in which it judges none exits 2 and names it.");
        ArrayNode perCheck = rule.putArray("allOf");
        for (Check<?> c : registry.all()) {
            CheckSpec spec = c.spec();
            ObjectNode rulePart = perCheck.addObject();
            ObjectNode when = rulePart.putObject("if");
            when.putObject("properties").putObject("check").put("const", spec.name());
            when.putArray("required").add("check");
            ObjectNode then = rulePart.putObject("then");
            then.putObject("properties").putObject("params").put("$ref", "#/$defs/params-" + spec.name());
            if (spec.params().stream().anyMatch(ParamSpec::required)) {
                then.putArray("required").add("params");
            }
        }
        return rule;
    }

    /** A check's params object; tier levels give only overrides, so nothing is required there. */
    static ObjectNode params(CheckSpec spec, boolean requireAll) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("type", "object");
        node.put("description", spec.description());
        node.put("additionalProperties", false);
        ObjectNode props = node.putObject("properties");
        for (ParamSpec p : spec.params()) {
            props.set(p.name(), SchemaParts.param(p));
        }
        List<String> required = spec.params().stream().filter(ParamSpec::required).map(ParamSpec::name).toList();
        if (requireAll && !required.isEmpty()) {
            ArrayNode r = node.putArray("required");
            required.forEach(r::add);
        }
        return node;
    }
}
