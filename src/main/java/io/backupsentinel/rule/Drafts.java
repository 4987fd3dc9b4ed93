package io.backupsentinel.rule;

import io.backupsentinel.check.Check;
import io.backupsentinel.check.Params;
import io.backupsentinel.model.Severity;
import org.yaml.snakeyaml.nodes.Node;

import java.util.List;
import java.util.Map;

/**
 * What one file said, after layers 1–3, waiting for the cross-file checks of layer 4 (unique names, one tiers
 * block, exemptions naming rules, parameters that bind). Parts that failed validation are null.
 */
final class Drafts {
    private Drafts() {
    }

    /** One rule as read; {@code params} is set only when the check is known and all its parameters valid. */
    record RuleDraft(Problems.InFile problems, Node node, String name, Node nameNode, String description,
                     Check<?> check, Node checkNode, Severity severity, String owner, List<String> frameworks,
                     Schedule schedule, Scope scope, Map<String, Object> params, Node paramsNode,
                     boolean tiered, boolean allowEmpty) {
        Where where() {
            return Where.of(problems.file(), node);
        }
    }

    /** One level's overrides for one check, and where they were written. */
    record TierEntry(Check<?> check, Map<String, Object> values, Node node) {
    }

    /**
     * A {@code tiers:} block; {@code node} is its key (where it starts), {@code levels} holds only entries whose
     * values were all valid.
     */
    record TierDraft(Problems.InFile problems, Node node, String tag, Map<String, Map<String, TierEntry>> levels) {
        Tiers toTiers() {
            Map<String, Map<String, Params>> byLevel = new java.util.LinkedHashMap<>();
            levels.forEach((level, entries) -> {
                Map<String, Params> byCheck = new java.util.LinkedHashMap<>();
                entries.forEach((check, e) -> byCheck.put(check, new Params(new java.util.LinkedHashMap<>(e.values()))));
                byLevel.put(level, byCheck);
            });
            return new Tiers(tag, byLevel, Where.of(problems.file(), node));
        }
    }

    /**
     * An exemption as read: the rule it names with the node for "no such rule" errors, and the exemption
     * itself, null when some other part of it was invalid.
     */
    record ExemptionDraft(Problems.InFile problems, String rule, Node ruleNode, Exemption exemption) {
    }
}
