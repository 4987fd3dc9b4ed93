package io.backupsentinel.rule;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.Reader;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Layer 1: YAML syntax. Composes the file into position-carrying nodes (no Java objects are built) and reports
 * malformed YAML and duplicate keys, which SnakeYAML's composer lets through and which would otherwise make a
 * later value silently win.
 */
final class YamlSyntax {
    private YamlSyntax() {
    }

    /** The document's root node; empty when the file is empty or not valid YAML (then the error is reported). */
    static Optional<Node> read(Reader reader, Problems.InFile problems) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(reader);
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : " (" + e.getContext().trim() + ")";
            if (e.getProblemMark() != null) {
                problems.at(e.getProblemMark(), null, "invalid YAML: " + e.getProblem().trim() + context);
            } else {
                problems.whole("invalid YAML: " + e.getProblem().trim() + context);
            }
            return Optional.empty();
        } catch (YAMLException e) {
            problems.whole("invalid YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (root == null) {
            return Optional.empty();
        }
        reportDuplicateKeys(root, problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        return Optional.of(root);
    }

    private static void reportDuplicateKeys(Node node, Problems.InFile problems, Set<Node> seen) {
        if (!seen.add(node)) {
            return; // an alias to a node already walked (anchors can even make cycles)
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Node> first = new HashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    Node earlier = first.putIfAbsent(key.getValue(), key);
                    if (earlier != null) {
                        problems.at(key, null, "duplicate key '" + key.getValue() + "' (first at line "
                                + (earlier.getStartMark().getLine() + 1) + ", column "
                                + (earlier.getStartMark().getColumn() + 1) + ")");
                    }
                }
                reportDuplicateKeys(tuple.getValueNode(), problems, seen);
            }
        } else if (node instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                reportDuplicateKeys(item, problems, seen);
            }
        }
    }
}
