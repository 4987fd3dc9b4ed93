package io.backupsentinel.sandbox.scenario;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.error.Mark;

import java.util.ArrayList;
import java.util.List;

/**
 * A YAML node with its field path ({@code accounts[0].regions.us-east-1.tables[3]}) and the file's error
 * collector. Accessors never throw: a wrong value records an error at the node's line and column and
 * yields null (or an empty view), so one pass finds every error of a file.
 */
final class YNode {
    final Node node;
    final String path;
    final Problems problems;

    YNode(Node node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    Mark mark() {
        return node.getStartMark();
    }

    void error(String message) {
        problems.add(mark(), path, message);
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** The node as a mapping; when it is not one, an error and an empty mapping. */
    YMap map() {
        if (node instanceof MappingNode m) {
            return new YMap(this, m);
        }
        if (isScalar() && (org.yaml.snakeyaml.nodes.Tag.NULL.equals(node.getTag()) || text().isEmpty())) {
            return new YMap(this, null);
        }
        error("must be a mapping (key: value lines)");
        return new YMap(this, null);
    }

    /** The items of a list; a single mapping or scalar where a list is expected is an error. */
    List<YNode> list() {
        List<YNode> out = new ArrayList<>();
        if (node instanceof SequenceNode s) {
            for (int i = 0; i < s.getValue().size(); i++) {
                out.add(new YNode(s.getValue().get(i), path + "[" + i + "]", problems));
            }
        } else if (!(isScalar() && (org.yaml.snakeyaml.nodes.Tag.NULL.equals(node.getTag()) || text().isEmpty()))) {
            error("must be a list (lines starting with '- ')");
        }
        return out;
    }

    /** The scalar text; a mapping or list here is an error (null). */
    String string() {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        error("must be a single value, not a " + (isMap() ? "mapping" : "list"));
        return null;
    }

    private String text() {
        return ((ScalarNode) node).getValue().trim();
    }
}
