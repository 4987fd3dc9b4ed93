package io.backupsentinel.rule;

import io.backupsentinel.check.Check;
import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.yaml.Nodes;
import io.backupsentinel.yaml.Suggest;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Layers 2–3 for {@code tiers:}: the tag, and per level the checks it overrides with parameter values valid for
 * those checks. Whether the merged values bind is judged later, per rule, when all files are read.
 */
final class TiersReader {
    private final CheckRegistry registry;

    TiersReader(CheckRegistry registry) {
        this.registry = registry;
    }

    /** Reads the value of {@code tiers:}; {@code key} is the key node, where "defined twice" points. */
    Drafts.TierDraft read(Node key, Node node, Problems.InFile problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, null, "'tiers' must be a mapping with keys tag and levels, not " + Nodes.kind(node));
            return null;
        }
        Fields f = new Fields(mapping, List.of("tag", "levels"), "tiers", problems, null);
        String tag = f.requiredText("tag", node, " (the table tag whose value picks a level, e.g. backup-tier)")
                .orElse(null);
        Map<String, Map<String, Drafts.TierEntry>> levels = new LinkedHashMap<>();
        if (!f.has("levels")) {
            problems.at(node, null, "'levels' is required (e.g. levels: {gold: {rpo: {max_age: 1h}}})");
        }
        f.mapping("levels", " of level names to check overrides").ifPresent(m -> {
            for (NodeTuple level : m.getValue()) {
                Optional<String> name = Nodes.text(level.getKeyNode());
                if (name.isEmpty() || name.get().isBlank()) {
                    problems.at(level.getKeyNode(), null, "tier level names must be text, not "
                            + Nodes.kind(level.getKeyNode()));
                    continue;
                }
                levels.put(name.get(), level(name.get(), level.getValueNode(), problems));
            }
        });
        return new Drafts.TierDraft(problems, key, tag, levels);
    }

    private Map<String, Drafts.TierEntry> level(String level, Node node, Problems.InFile problems) {
        Map<String, Drafts.TierEntry> entries = new LinkedHashMap<>();
        if (Nodes.isNull(node)) {
            return entries;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, null, "tier " + level + " must be a mapping of check names to parameters, such as"
                    + " {rpo: {max_age: 1h}}, not " + Nodes.kind(node));
            return entries;
        }
        for (NodeTuple t : mapping.getValue()) {
            String checkName = Nodes.key(t);
            Optional<Check<?>> check = registry.find(checkName);
            if (check.isEmpty()) {
                List<String> known = registry.all().stream().map(c -> c.spec().name()).toList();
                problems.at(t.getKeyNode(), null, "tier " + level + ": unknown check '" + checkName + "'"
                        + Suggest.didYouMean(checkName, known));
                continue;
            }
            ParamReader.Read read = new ParamReader(check.get().spec(), problems, null)
                    .read(t.getValueNode(), t.getKeyNode(), false, "tier " + level + ": ");
            if (read.valid()) {
                entries.put(checkName, new Drafts.TierEntry(check.get(), read.values(), t.getValueNode()));
            }
        }
        return entries;
    }
}
