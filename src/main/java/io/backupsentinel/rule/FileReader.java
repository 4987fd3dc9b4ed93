package io.backupsentinel.rule;

import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.yaml.Nodes;
import io.backupsentinel.yaml.YamlDocument;
import io.backupsentinel.yaml.YamlLimits;
import io.backupsentinel.yaml.YamlReader;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one rule file through layers 1–3 (layer 1, YAML syntax, encoding and size, is {@link YamlReader})
 * into drafts: its rules, its tiers block, its exemptions.
 */
final class FileReader {
    static final List<String> KEYS = List.of("rules", "tiers", "exemptions");

    private final RuleReader rules;
    private final TiersReader tiers;

    FileReader(CheckRegistry registry) {
        this.rules = new RuleReader(registry);
        this.tiers = new TiersReader(registry);
    }

    /**
     * Everything one file defined; parts that failed validation are left out (their errors reported).
     * {@code rulesKey} is the {@code rules:} key when the file has one, where "no rules" errors point.
     */
    record Contents(List<Drafts.RuleDraft> rules, List<Drafts.TierDraft> tiers,
                    List<Drafts.ExemptionDraft> exemptions, Node rulesKey) {
        boolean definesNothing() {
            return rules.isEmpty() && tiers.isEmpty() && exemptions.isEmpty();
        }
    }

    Contents read(Path path, Problems.InFile problems) {
        Contents empty = new Contents(List.of(), List.of(), List.of(), null);
        YamlDocument doc = YamlReader.read(path, problems.file(), YamlLimits.RULES);
        doc.problems().errors().forEach(e -> problems.add(e.line(), e.column(), e.message()));
        Optional<Node> root = doc.root();
        if (root.isEmpty() || Nodes.isNull(root.get())) {
            return empty;
        }
        if (!(root.get() instanceof MappingNode mapping)) {
            problems.at(root.get(), null, "a rule file is a mapping with keys " + String.join(", ", KEYS)
                    + ", not " + Nodes.kind(root.get()));
            return empty;
        }
        Fields f = new Fields(mapping, KEYS, "a rule file", problems, null);
        Contents contents = new Contents(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), f.keyNode("rules"));
        for (Node item : list(f, "rules", problems)) {
            Optional.ofNullable(rules.read(item, problems)).ifPresent(contents.rules()::add);
        }
        if (f.node("tiers") != null) {
            Optional.ofNullable(tiers.read(f.keyNode("tiers"), f.node("tiers"), problems))
                    .ifPresent(contents.tiers()::add);
        }
        for (Node item : list(f, "exemptions", problems)) {
            Optional.ofNullable(ExemptionReader.read(item, problems)).ifPresent(contents.exemptions()::add);
        }
        return contents;
    }

    private static List<Node> list(Fields f, String key, Problems.InFile problems) {
        Node n = f.node(key);
        if (n == null) {
            return List.of();
        }
        if (n instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problems.at(n, null, "'" + key + "' must be a list (each entry starting with '- '), not " + Nodes.kind(n));
        return List.of();
    }
}
