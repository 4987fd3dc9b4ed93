package io.backupsentinel.yaml;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reading SnakeYAML nodes by shape, keeping their positions: the structure layer asks "is this a mapping, a
 * list, a text value?" and names what it found when it is not.
 */
public final class Nodes {
    private Nodes() {
    }

    /** What a node is, in words for an error message: "a mapping", "a list", "a number", "empty"… */
    public static String kind(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        if (Tag.NULL.equals(tag)) {
            return "empty";
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return "a number";
        }
        if (Tag.BOOL.equals(tag)) {
            return "true/false";
        }
        if (Tag.TIMESTAMP.equals(tag)) {
            return "a date";
        }
        return "text";
    }

    public static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    /** A scalar's text as written (never YAML's reading of it, so 0123 stays "0123"); empty for others and null. */
    public static Optional<String> text(Node node) {
        if (node instanceof ScalarNode s && !isNull(node)) {
            return Optional.of(s.getValue());
        }
        return Optional.empty();
    }

    public static boolean isString(Node node) {
        return node instanceof ScalarNode && Tag.STR.equals(node.getTag());
    }

    /** The key of a mapping entry as text; keys that are not scalars read as their kind. */
    public static String key(NodeTuple tuple) {
        return text(tuple.getKeyNode()).orElse("<" + kind(tuple.getKeyNode()) + ">");
    }

    public static List<Node> items(SequenceNode node) {
        return new ArrayList<>(node.getValue());
    }
}
