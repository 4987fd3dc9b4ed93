package io.backupsentinel.rule;

import io.backupsentinel.yaml.Nodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a rule's {@code scope:} (and an exemption's globs): lists of well-formed globs, tag maps of text. */
final class ScopeReader {
    static final List<String> KEYS = List.of("accounts", "regions", "tables", "exclude_tables", "tags", "exclude_tags");

    private final Problems.InFile problems;
    private final String rule;

    ScopeReader(Problems.InFile problems, String rule) {
        this.problems = problems;
        this.rule = rule;
    }

    Scope read(Node node) {
        if (node == null) {
            return Scope.ALL;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.at(node, rule, "'scope' must be a mapping with keys " + String.join(", ", KEYS)
                    + ", not " + Nodes.kind(node));
            return Scope.ALL;
        }
        Fields f = new Fields(mapping, KEYS, "a scope", problems, rule);
        return new Scope(globs(f, "accounts", Glob.Kind.ACCOUNT), globs(f, "regions", Glob.Kind.REGION),
                globs(f, "tables", Glob.Kind.TABLE), globs(f, "exclude_tables", Glob.Kind.TABLE),
                tags(f, "tags"), tags(f, "exclude_tags"));
    }

    /** The globs of a list-valued key; malformed ones are reported and left out. */
    List<Glob> globs(Fields f, String key, Glob.Kind kind) {
        List<Glob> out = new ArrayList<>();
        for (Node item : f.itemNodes(key)) {
            String text = Nodes.text(item).orElseThrow();
            Optional<String> problem = Glob.problem(text, kind);
            if (problem.isPresent()) {
                problems.at(item, rule, "'" + key + "': " + problem.get());
            } else {
                out.add(new Glob(text));
            }
        }
        return out;
    }

    private Map<String, Glob> tags(Fields f, String key) {
        Map<String, Glob> out = new LinkedHashMap<>();
        Optional<MappingNode> m = f.mapping(key, " of tag names to value globs");
        if (m.isEmpty()) {
            return out;
        }
        for (NodeTuple t : m.get().getValue()) {
            Optional<String> name = Nodes.text(t.getKeyNode());
            Optional<String> value = Nodes.text(t.getValueNode());
            if (name.isEmpty() || name.get().isBlank()) {
                problems.at(t.getKeyNode(), rule, "'" + key + "' keys must be tag names, not "
                        + Nodes.kind(t.getKeyNode()));
            } else if (value.isEmpty()) {
                problems.at(t.getValueNode(), rule, "'" + key + "': tag " + name.get()
                        + " must map to a text value (a glob), not " + Nodes.kind(t.getValueNode()));
            } else {
                out.put(name.get(), new Glob(value.get()));
            }
        }
        return out;
    }
}
