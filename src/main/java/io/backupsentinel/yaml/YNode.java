package io.backupsentinel.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A YAML node with its key path ({@code aws.accounts[1].role_arn}) and the file's error sink. Accessors never
 * throw: a value of the wrong kind records an error at the node's line and column and yields null (or an empty
 * view), so one pass finds every error of a file.
 */
public final class YNode {
    private final Node node;
    private final String path;
    private final Problems problems;

    public YNode(Node node, String path, Problems problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    public Node node() {
        return node;
    }

    public String path() {
        return path;
    }

    public Problems problems() {
        return problems;
    }

    public Mark mark() {
        return node.getStartMark();
    }

    /** Records an error at this node, under its path. */
    public void error(String message) {
        problems.add(mark(), path, message);
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    /** Written as nothing: {@code key:}, {@code ~}, {@code null} or {@code ""}. */
    public boolean isEmpty() {
        return Nodes.isNull(node) || node instanceof ScalarNode s && s.getValue().trim().isEmpty();
    }

    /** What the node is, in words: "a mapping", "a list", "a number", "text"… */
    public String kind() {
        return Nodes.kind(node);
    }

    /** The node as a mapping; an empty value is an empty mapping; anything else is an error (empty mapping). */
    public YMap map() {
        if (node instanceof MappingNode m) {
            return new YMap(this, m);
        }
        if (!isEmpty()) {
            error("must be a mapping (key: value lines), not " + kind());
        }
        return new YMap(this, null);
    }

    /** The items of a list; an empty value is an empty list; anything else is an error (empty list). */
    public List<YNode> list() {
        List<YNode> out = new ArrayList<>();
        if (node instanceof SequenceNode s) {
            for (int i = 0; i < s.getValue().size(); i++) {
                out.add(new YNode(s.getValue().get(i), path + "[" + i + "]", problems));
            }
        } else if (!isEmpty()) {
            error("must be a list (lines starting with '- ', or [a, b]), not " + kind());
        }
        return out;
    }

    /** The scalar's text as written; a mapping or list here is an error (null). */
    public String string() {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        error("must be a single value, not " + kind());
        return null;
    }

    /** Text that is there and not blank, trimmed; otherwise an error (null). */
    public String text() {
        String s = string();
        if (s == null) {
            return null;
        }
        if (s.isBlank()) {
            error("must not be empty");
            return null;
        }
        return s.trim();
    }
}
