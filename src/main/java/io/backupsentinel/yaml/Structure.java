package io.backupsentinel.yaml;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks that SnakeYAML's composer lets through: duplicate keys (which would make a later value win silently)
 * and aliases that make a node contain itself (which would make any reader loop). Each node is visited once,
 * so a file of aliases to aliases costs its size, not its expansion.
 */
final class Structure {
    private Structure() {
    }

    /** Reports every duplicate key and cycle; true when there is a cycle (the tree must not be read). */
    static boolean check(Node root, Problems problems) {
        Walk walk = new Walk(problems);
        walk.visit(root);
        return walk.cycle;
    }

    private static final class Walk {
        private final Problems problems;
        private final Set<Node> done = Collections.newSetFromMap(new IdentityHashMap<>());
        private final Set<Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private boolean cycle;

        Walk(Problems problems) {
            this.problems = problems;
        }

        void visit(Node node) {
            if (open.contains(node)) {
                cycle = true;
                problems.add(node.getStartMark(), "", "an alias makes this node contain itself; YAML cycles are"
                        + " not allowed here");
                return;
            }
            if (!done.add(node)) {
                return; // an alias to a node already checked
            }
            open.add(node);
            if (node instanceof MappingNode mapping) {
                Map<String, Node> first = new HashMap<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key) {
                        Node earlier = first.putIfAbsent(key.getValue(), key);
                        if (earlier != null) {
                            problems.add(key.getStartMark(), "", "duplicate key '" + Text.clip(key.getValue())
                                    + "' (first at line " + (earlier.getStartMark().getLine() + 1) + ", column "
                                    + (earlier.getStartMark().getColumn() + 1) + ")");
                        }
                    } else {
                        visit(tuple.getKeyNode());
                    }
                    visit(tuple.getValueNode());
                }
            } else if (node instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    visit(item);
                }
            }
            open.remove(node);
        }
    }
}
