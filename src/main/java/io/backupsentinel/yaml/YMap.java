package io.backupsentinel.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A mapping with typed, located accessors. It remembers which keys its reader asked for, so {@link #finish()}
 * can report every other key as unknown, with the nearest known one: a typo never passes silently. Duplicate
 * keys were reported by {@link YamlReader}; here the first one counts.
 */
public final class YMap {
    private final YNode owner;
    private final Map<String, YNode> entries = new LinkedHashMap<>();
    private final Map<String, Mark> keyMarks = new LinkedHashMap<>();
    private final Set<String> asked = new LinkedHashSet<>();

    YMap(YNode owner, MappingNode node) {
        this.owner = owner;
        if (node == null) {
            return;
        }
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                owner.problems().add(t.getKeyNode().getStartMark(), owner.path(), "keys must be plain names, not "
                        + Nodes.kind(t.getKeyNode()));
                continue;
            }
            String key = k.getValue();
            if (!entries.containsKey(key)) {
                entries.put(key, new YNode(t.getValueNode(), child(key), owner.problems()));
                keyMarks.put(key, k.getStartMark());
            }
        }
    }

    private String child(String key) {
        String shown = Text.clip(key);
        return owner.path().isEmpty() ? shown : owner.path() + "." + shown;
    }

    public YNode owner() {
        return owner;
    }

    public boolean has(String key) {
        asked.add(key);
        return entries.containsKey(key);
    }

    /** The value of a key, or null when absent. */
    public YNode get(String key) {
        asked.add(key);
        return entries.get(key);
    }

    /** The value of a key, or null when absent or written as nothing ({@code key:}). */
    public YNode value(String key) {
        YNode n = get(key);
        return n == null || n.isEmpty() ? null : n;
    }

    /** Where a key is written (its key, not its value), or null when absent. */
    public Mark keyMark(String key) {
        return keyMarks.get(key);
    }

    /** Every entry, for free-form mappings such as tags or regions; all keys count as known. */
    public Map<String, YNode> entries() {
        asked.addAll(entries.keySet());
        return entries;
    }

    /** Reports each key that no reader asked for, with the nearest known key. */
    public void finish() {
        for (Map.Entry<String, YNode> e : entries.entrySet()) {
            if (!asked.contains(e.getKey())) {
                owner.problems().add(keyMarks.get(e.getKey()), e.getValue().path(), "unknown key"
                        + Suggest.didYouMean(e.getKey(), asked) + " (known keys here: "
                        + String.join(", ", new TreeSet<>(asked)) + ")");
            }
        }
    }

    /** Reports a required key that is absent, at the mapping. */
    public void missing(String key) {
        owner.problems().add(owner.mark(), owner.path().isEmpty() ? key : owner.path() + "." + key, "is required");
    }

    public String str(String key) {
        YNode n = get(key);
        return n == null ? null : n.string();
    }

    public String str(String key, String dflt) {
        String s = str(key);
        return s == null ? dflt : s;
    }

    /** Text that must be there and not blank. */
    public String requiredStr(String key) {
        YNode n = get(key);
        if (n == null) {
            missing(key);
            return null;
        }
        String s = n.string();
        if (s != null && s.isBlank()) {
            n.error("must not be empty");
            return null;
        }
        return s;
    }

    /**
     * A key's single value parsed: {@code dflt} when the key is absent or its value is not a single value (that is
     * reported); a value {@code parse} refuses with an IllegalArgumentException is reported at the value with the
     * exception's message, and also gives {@code dflt}.
     */
    public <T> T parsed(String key, T dflt, Function<String, T> parse) {
        return parsed(get(key), dflt, parse);
    }

    /** {@link #parsed(String, Object, Function)} for a node already in hand (a list item, say). */
    public static <T> T parsed(YNode n, T dflt, Function<String, T> parse) {
        String s = n == null ? null : n.string();
        if (s == null) {
            return dflt;
        }
        try {
            return parse.apply(s);
        } catch (IllegalArgumentException e) {
            n.error(e.getMessage());
            return dflt;
        }
    }

    /** One of the allowed values (compared without case, returned as the allowed spelling). */
    public String oneOf(String key, String dflt, Collection<String> allowed) {
        return parsed(key, dflt, s -> Values.oneOf(s, allowed));
    }

    /** A whole number within min..max; a number too large for any type is "too large", not a parse error. */
    public Long integer(String key, Long dflt, long min, long max) {
        return parsed(key, dflt, s -> Values.integer(s, min, max));
    }

    /** A decimal number within min..max (finite). */
    public Double decimal(String key, Double dflt, double min, double max) {
        return parsed(key, dflt, s -> Values.decimal(s, min, max));
    }

    public Boolean bool(String key, Boolean dflt) {
        return bool(get(key), dflt);
    }

    public static Boolean bool(YNode n, Boolean dflt) {
        return parsed(n, dflt, Values::bool);
    }

    /** A duration such as 15m, without bounds beyond the parser's. */
    public Duration duration(String key, Duration dflt) {
        return parsed(key, dflt, Values::duration);
    }

    /** A duration within min..max, inclusive. */
    public Duration duration(String key, Duration dflt, Duration min, Duration max) {
        return parsed(key, dflt, s -> Values.duration(s, min, max));
    }

    /** A list of plain values; a single value is accepted as a list of one. */
    public List<String> strings(String key) {
        YNode n = get(key);
        List<String> out = new ArrayList<>();
        if (n == null) {
            return out;
        }
        if (n.isScalar()) {
            String s = n.string();
            if (s != null && !s.isBlank()) {
                out.add(s.trim());
            }
            return out;
        }
        for (YNode item : n.list()) {
            String s = item.string();
            if (s != null) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** A mapping of plain values, e.g. tags, in file order. */
    public Map<String, String> stringMap(String key) {
        YNode n = get(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (n == null) {
            return out;
        }
        for (Map.Entry<String, YNode> e : n.map().entries().entrySet()) {
            String v = e.getValue().string();
            if (v != null) {
                out.put(e.getKey(), v);
            }
        }
        return out;
    }

    /** The items of a list-valued key; empty when absent. */
    public List<YNode> list(String key) {
        YNode n = get(key);
        return n == null ? List.of() : n.list();
    }

    /** The mapping under a key; an empty mapping when absent. */
    public YMap map(String key) {
        YNode n = get(key);
        return n == null ? new YMap(owner, null) : n.map();
    }
}
