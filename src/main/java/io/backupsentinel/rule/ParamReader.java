package io.backupsentinel.rule;

import io.backupsentinel.check.CheckSpec;
import io.backupsentinel.check.ParamSpec;
import io.backupsentinel.yaml.Values;
import io.backupsentinel.yaml.Nodes;
import io.backupsentinel.yaml.Suggest;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Layer 3 for parameters: checks a {@code params} mapping against the check's {@link CheckSpec} — names known
 * to the check, required ones present, values of the declared type, enum values allowed, integers within
 * bounds, durations that parse — and returns the values that passed, typed.
 */
final class ParamReader {
    private final CheckSpec spec;
    private final Problems.InFile problems;
    private final String rule;

    ParamReader(CheckSpec spec, Problems.InFile problems, String rule) {
        this.spec = spec;
        this.problems = problems;
        this.rule = rule;
    }

    /** The result: the typed values given, and whether all of them were valid. */
    record Read(Map<String, Object> values, boolean valid) {
    }

    /**
     * Reads {@code node} (null or empty when absent). With {@code requireAll}, a missing required parameter is
     * an error placed at {@code anchor}; tier levels give only overrides, so they pass false.
     */
    Read read(Node node, Node anchor, boolean requireAll, String prefix) {
        int before = problems.count();
        Map<String, Object> values = new LinkedHashMap<>();
        if (node != null && !Nodes.isNull(node)) {
            if (node instanceof MappingNode mapping) {
                for (NodeTuple t : mapping.getValue()) {
                    readOne(t, values, prefix);
                }
            } else {
                problems.at(node, rule, prefix + "'params' must be a mapping of " + spec.name()
                        + "'s parameters, not " + Nodes.kind(node));
                return new Read(values, false);
            }
        }
        if (requireAll) {
            for (ParamSpec p : spec.params()) {
                if (p.required() && !values.containsKey(p.name()) && !mentioned(node, p.name())) {
                    problems.at(node == null || Nodes.isNull(node) ? anchor : node, rule, prefix + "check "
                            + spec.name() + " needs parameter '" + p.name() + "': " + p.description());
                }
            }
        }
        return new Read(values, problems.count() == before);
    }

    private void readOne(NodeTuple t, Map<String, Object> values, String prefix) {
        String name = Nodes.key(t);
        ParamSpec p = spec.params().stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
        if (p == null) {
            List<String> known = spec.params().stream().map(ParamSpec::name).toList();
            problems.at(t.getKeyNode(), rule, prefix + "check " + spec.name() + " has no parameter '" + name + "'"
                    + Suggest.didYouMean(name, known)
                    + (known.isEmpty() ? " (it takes none)" : " (it takes " + String.join(", ", known) + ")"));
            return;
        }
        try {
            values.put(name, value(p, t.getValueNode()));
        } catch (BadValue e) {
            problems.at(e.node, rule, prefix + "parameter '" + name + "' " + e.getMessage());
        }
    }

    private static boolean mentioned(Node node, String name) {
        return node instanceof MappingNode m && m.getValue().stream().anyMatch(t -> Nodes.key(t).equals(name));
    }

    private static Object value(ParamSpec p, Node node) throws BadValue {
        return switch (p.type()) {
            case DURATION -> duration(node);
            case INTEGER -> integer(p, node);
            case BOOLEAN -> bool(node);
            case STRING -> text(node, "text");
            case ENUM -> allowed(p, node, text(node, "one of " + String.join(", ", p.allowed())));
            case STRING_LIST -> list(p, node, false);
            case ENUM_LIST -> list(p, node, true);
        };
    }

    private static Object duration(Node node) throws BadValue {
        String text = text(node, "a duration such as 1h or 35d");
        try {
            return Values.duration(text);
        } catch (IllegalArgumentException e) {
            throw new BadValue(node, "must be a duration: " + e.getMessage());
        }
    }

    private static Long integer(ParamSpec p, Node node) throws BadValue {
        if (!(node instanceof ScalarNode) || !Tag.INT.equals(node.getTag())) {
            throw new BadValue(node, "must be a whole number, not " + Nodes.kind(node));
        }
        long n;
        try {
            n = Long.parseLong(((ScalarNode) node).getValue().replace("_", ""));
        } catch (NumberFormatException e) {
            String written = ((ScalarNode) node).getValue();
            throw new BadValue(node, written.replace("_", "").matches("[-+]?[0-9]+")
                    ? "is too large: '" + RuleReader.cut(written) + "' does not fit a whole number"
                    + bounds(p)
                    : "must be a whole number written in decimal, not '" + RuleReader.cut(written) + "'");
        }
        if (p.min() != null && n < p.min()) {
            throw new BadValue(node, "must be at least " + p.min() + ", not " + n);
        }
        if (p.max() != null && n > p.max()) {
            throw new BadValue(node, "must be at most " + p.max() + ", not " + n);
        }
        return n;
    }

    private static String bounds(ParamSpec p) {
        return p.min() != null && p.max() != null ? " (" + p.min() + " to " + p.max() + ")"
                : p.min() != null ? " (at least " + p.min() + ")" : p.max() != null ? " (at most " + p.max() + ")" : "";
    }

    private static Boolean bool(Node node) throws BadValue {
        if (!(node instanceof ScalarNode s) || !Tag.BOOL.equals(node.getTag())) {
            throw new BadValue(node, "must be true or false, not " + Nodes.kind(node));
        }
        return switch (s.getValue().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y" -> true;
            default -> false;
        };
    }

    private static String text(Node node, String what) throws BadValue {
        return Nodes.text(node).orElseThrow(() -> new BadValue(node, "must be " + what + ", not " + Nodes.kind(node)));
    }

    private static String allowed(ParamSpec p, Node node, String value) throws BadValue {
        if (!p.allowed().contains(value)) {
            throw new BadValue(node, "has no value '" + RuleReader.cut(value) + "'" + Suggest.didYouMean(value, p.allowed())
                    + " (allowed: " + String.join(", ", p.allowed()) + ")");
        }
        return value;
    }

    private static List<String> list(ParamSpec p, Node node, boolean enumerated) throws BadValue {
        if (!(node instanceof SequenceNode seq)) {
            throw new BadValue(node, "must be a list" + (enumerated ? " of " + String.join(", ", p.allowed()) : "")
                    + ", not " + Nodes.kind(node) + " (write [a, b])");
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            String text = text(item, "text");
            out.add(enumerated ? allowed(p, item, text) : text);
        }
        return List.copyOf(out);
    }

    /** A value of the wrong shape, with the node to point at (an item rather than its list). */
    private static final class BadValue extends Exception {
        private final transient Node node;

        BadValue(Node node, String message) {
            super(message, null, false, false);
            this.node = node;
        }
    }
}
