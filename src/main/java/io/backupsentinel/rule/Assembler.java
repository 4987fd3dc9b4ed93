package io.backupsentinel.rule;

import io.backupsentinel.check.Check;
import io.backupsentinel.check.Params;
import io.backupsentinel.yaml.Suggest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Layer 4, across all files: rule names are unique, tiers are defined once, exemptions name existing rules, and
 * each rule's parameters bind — its own, and merged with every tier level's overrides for its check. Builds the
 * {@link RuleSet} only when no error was found anywhere.
 */
final class Assembler {
    private final Problems problems;

    Assembler(Problems problems) {
        this.problems = problems;
    }

    LoadResult assemble(List<FileReader.Contents> files, List<String> sourceFiles) {
        List<Drafts.RuleDraft> rules = files.stream().flatMap(f -> f.rules().stream()).toList();
        List<Drafts.TierDraft> tierBlocks = files.stream().flatMap(f -> f.tiers().stream()).toList();
        List<Drafts.ExemptionDraft> exemptions = files.stream().flatMap(f -> f.exemptions().stream()).toList();

        Map<String, Drafts.RuleDraft> byName = uniqueNames(rules);
        Drafts.TierDraft tiers = oneTiersBlock(tierBlocks);
        exemptions.forEach(e -> ruleExists(e, byName));
        List<Binding<?>> bindings = new ArrayList<>();
        for (Drafts.RuleDraft draft : rules) {
            bindings.add(draft.params() == null ? null : bind(draft.check(), draft, draft.tiered() ? tiers : null));
        }
        if (problems.count() > 0) {
            return LoadResult.invalid(problems.sorted());
        }
        // No error anywhere, so every draft is complete and every binding present.
        List<Rule> built = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Drafts.RuleDraft d = rules.get(i);
            built.add(new Rule(d.name(), d.description(), d.severity(), d.owner(), d.frameworks(), d.schedule(),
                    d.scope(), tiers == null || !d.tiered() ? null : tiers.tag(), bindings.get(i), d.where(), d.allowEmpty()));
        }
        return LoadResult.valid(new RuleSet(built, tiers == null ? null : tiers.toTiers(),
                exemptions.stream().map(Drafts.ExemptionDraft::exemption).toList(), sourceFiles));
    }

    private Map<String, Drafts.RuleDraft> uniqueNames(List<Drafts.RuleDraft> rules) {
        Map<String, Drafts.RuleDraft> byName = new LinkedHashMap<>();
        for (Drafts.RuleDraft rule : rules) {
            if (rule.name() == null) {
                continue;
            }
            Drafts.RuleDraft first = byName.putIfAbsent(rule.name(), rule);
            if (first != null) {
                Where here = Where.of(rule.problems().file(), rule.nameNode());
                Where there = Where.of(first.problems().file(), first.nameNode());
                first.problems().at(first.nameNode(), first.name(), "rule name is used again at " + here
                        + "; names must be unique across the rule directory");
                rule.problems().at(rule.nameNode(), rule.name(), "rule name is already used at " + there
                        + "; names must be unique across the rule directory");
            }
        }
        return byName;
    }

    private static Drafts.TierDraft oneTiersBlock(List<Drafts.TierDraft> blocks) {
        if (blocks.isEmpty()) {
            return null;
        }
        Drafts.TierDraft first = blocks.get(0);
        for (Drafts.TierDraft again : blocks.subList(1, blocks.size())) {
            again.problems().at(again.node(), null, "tiers are already defined at "
                    + Where.of(first.problems().file(), first.node()) + "; define them once across the rule directory");
        }
        return first;
    }

    private static void ruleExists(Drafts.ExemptionDraft e, Map<String, Drafts.RuleDraft> byName) {
        if (!byName.containsKey(e.rule())) {
            e.problems().at(e.ruleNode(), e.rule(), "the exemption names no existing rule"
                    + Suggest.didYouMean(e.rule(), byName.keySet()));
        }
    }

    /**
     * Binds the rule's own params, then each tier level's overrides merged over them; a level that says nothing
     * about this check uses the rule's own. Returns null (errors reported) when any of them does not bind.
     */
    private static <P> Binding<P> bind(Check<P> check, Drafts.RuleDraft draft, Drafts.TierDraft tiers) {
        Params own = ParamDefaults.withDefaults(check.spec(), draft.params());
        P bound;
        try {
            bound = check.bind(own);
        } catch (IllegalArgumentException e) {
            draft.problems().at(draft.paramsNode() != null ? draft.paramsNode() : draft.checkNode(), draft.name(),
                    e.getMessage());
            return null;
        }
        Map<String, Params> levelParams = new LinkedHashMap<>();
        Map<String, P> levelBound = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, Map<String, Drafts.TierEntry>> level : tiers == null ? List.<Map.Entry<String,
                Map<String, Drafts.TierEntry>>>of() : tiers.levels().entrySet()) {
            Drafts.TierEntry entry = level.getValue().get(check.spec().name());
            if (entry == null) {
                levelParams.put(level.getKey(), own);
                levelBound.put(level.getKey(), bound);
                continue;
            }
            Map<String, Object> merged = new LinkedHashMap<>(draft.params());
            merged.putAll(entry.values());
            Params params = ParamDefaults.withDefaults(check.spec(), merged);
            try {
                levelBound.put(level.getKey(), check.bind(params));
                levelParams.put(level.getKey(), params);
            } catch (IllegalArgumentException e) {
                tiers.problems().at(entry.node(), draft.name(), "tier " + level.getKey() + "'s " + check.spec().name()
                        + " values do not fit this rule (at " + draft.where() + "): " + e.getMessage());
                ok = false;
            }
        }
        return ok ? Binding.of(check, own, bound, levelParams, levelBound) : null;
    }
}
