package io.backupsentinel.rule;

import io.backupsentinel.yaml.Nodes;
import io.backupsentinel.yaml.Suggest;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Layer 2 helpers: reads the keys of one mapping (a rule, a scope, an exemption…) and the shape of their values,
 * reporting unknown keys (with the nearest known one) and values of the wrong kind, inside one rule's context.
 */
final class Fields {
    private final Problems.InFile problems;
    private final String rule;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Node> keys = new LinkedHashMap<>();

    /** Reads {@code node}'s entries; keys outside {@code known} are reported as unknown in {@code what}. */
    Fields(MappingNode node, List<String> known, String what, Problems.InFile problems, String rule) {
        this.problems = problems;
        this.rule = rule;
        for (NodeTuple t : node.getValue()) {
            String key = Nodes.key(t);
            if (known.contains(key)) {
                values.put(key, t.getValueNode());
                keys.put(key, t.getKeyNode());
            } else {
                problems.at(t.getKeyNode(), rule, "unknown key '" + key + "' in " + what
                        + Suggest.didYouMean(key, known) + " (known keys: " + String.join(", ", known) + ")");
            }
        }
    }

    /** The value node, or null when the key is absent or its value empty. */
    Node node(String key) {
        Node n = values.get(key);
        return n == null || Nodes.isNull(n) ? null : n;
    }

    /** The key node, for errors about the entry as a whole. */
    Node keyNode(String key) {
        return keys.get(key);
    }

    boolean has(String key) {
        return node(key) != null;
    }

    Optional<String> text(String key) {
        Node n = node(key);
        if (n == null) {
            return Optional.empty();
        }
        Optional<String> t = Nodes.text(n);
        if (t.isEmpty()) {
            problems.at(n, rule, "'" + key + "' must be text, not " + Nodes.kind(n));
        }
        return t;
    }

    /** Text that must be there and not blank; reports its absence at {@code owner}. */
    Optional<String> requiredText(String key, Node owner, String why) {
        if (!has(key)) {
            problems.at(owner, rule, "'" + key + "' is required" + why);
            return Optional.empty();
        }
        Optional<String> t = text(key);
        if (t.isPresent() && t.get().isBlank()) {
            problems.at(node(key), rule, "'" + key + "' must not be blank" + why);
            return Optional.empty();
        }
        return t;
    }

    Optional<MappingNode> mapping(String key, String of) {
        Node n = node(key);
        if (n == null) {
            return Optional.empty();
        }
        if (n instanceof MappingNode m) {
            return Optional.of(m);
        }
        problems.at(n, rule, "'" + key + "' must be a mapping" + of + ", not " + Nodes.kind(n));
        return Optional.empty();
    }

    /** A list of text items; each item that is not text is reported. Empty when absent. */
    List<String> strings(String key) {
        return itemNodes(key).stream().map(n -> Nodes.text(n).orElse(null)).filter(s -> s != null).toList();
    }

    /** The items of a list of text values, reporting the list or the items that are not text. */
    List<Node> itemNodes(String key) {
        Node n = node(key);
        if (n == null) {
            return List.of();
        }
        if (!(n instanceof SequenceNode seq)) {
            problems.at(n, rule, "'" + key + "' must be a list, not " + Nodes.kind(n) + " (write [a, b])");
            return List.of();
        }
        List<Node> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (Nodes.text(item).isPresent()) {
                out.add(item);
            } else {
                problems.at(item, rule, "'" + key + "' items must be text, not " + Nodes.kind(item));
            }
        }
        return out;
    }
}
