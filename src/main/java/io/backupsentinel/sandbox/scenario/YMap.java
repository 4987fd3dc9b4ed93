package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.model.Durations;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A mapping of a scenario file with typed, located accessors. It remembers which keys its reader asked for,
 * so {@link #finish()} can report every other key as unknown: a typo never passes silently.
 */
final class YMap {
    private final YNode owner;
    private final Map<String, YNode> entries = new LinkedHashMap<>();
    private final Map<String, org.yaml.snakeyaml.error.Mark> keyMarks = new LinkedHashMap<>();
    private final Set<String> asked = new LinkedHashSet<>();

    YMap(YNode owner, MappingNode node) {
        this.owner = owner;
        if (node == null) {
            return;
        }
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                owner.problems.add(t.getKeyNode().getStartMark(), owner.path, "keys must be plain names");
                continue;
            }
            String key = k.getValue();
            String path = owner.path.isEmpty() ? key : owner.path + "." + key;
            if (entries.containsKey(key)) {
                owner.problems.add(k.getStartMark(), path, "duplicate key");
                continue;
            }
            entries.put(key, new YNode(t.getValueNode(), path, owner.problems));
            keyMarks.put(key, k.getStartMark());
        }
    }

    YNode owner() {
        return owner;
    }

    boolean has(String key) {
        asked.add(key);
        return entries.containsKey(key);
    }

    /** The value of a key, or null when absent. */
    YNode get(String key) {
        asked.add(key);
        return entries.get(key);
    }

    /** Every entry, for free-form mappings such as tags or regions; all keys count as known. */
    Map<String, YNode> entries() {
        asked.addAll(entries.keySet());
        return entries;
    }

    /** Reports each key that no reader asked for. */
    void finish() {
        for (Map.Entry<String, YNode> e : entries.entrySet()) {
            if (!asked.contains(e.getKey())) {
                YNode n = e.getValue();
                owner.problems.add(keyMarks.get(e.getKey()), n.path, "unknown key; known keys here: "
                        + String.join(", ", new TreeSet<>(asked)));
            }
        }
    }

    void missing(String key) {
        owner.problems.add(owner.mark(), owner.path.isEmpty() ? key : owner.path + "." + key, "is required");
    }

    String str(String key) {
        YNode n = get(key);
        return n == null ? null : n.string();
    }

    String str(String key, String dflt) {
        String s = str(key);
        return s == null ? dflt : s;
    }

    String requiredStr(String key) {
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
     * A key's single value parsed: {@code dflt} when the key is absent or its value is not a single value (that
     * is reported by {@link YNode#string()}); a value {@code parse} refuses with an IllegalArgumentException is
     * reported at the value with the exception's message, and also gives {@code dflt}.
     */
    private <T> T parsed(String key, T dflt, Function<String, T> parse) {
        return parsed(get(key), dflt, parse);
    }

    private static <T> T parsed(YNode n, T dflt, Function<String, T> parse) {
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
    String oneOf(String key, String dflt, Collection<String> allowed) {
        return parsed(key, dflt, s -> {
            for (String a : allowed) {
                if (a.equalsIgnoreCase(s.trim())) {
                    return a;
                }
            }
            throw new IllegalArgumentException("must be one of " + String.join(", ", allowed) + ", got '" + s + "'");
        });
    }

    Long integer(String key, Long dflt, long min, long max) {
        return parsed(key, dflt, s -> {
            long v;
            try {
                v = Long.parseLong(s.trim().replace("_", ""));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number, got '" + s + "'");
            }
            if (v < min || v > max) {
                throw new IllegalArgumentException("must be " + min + ".." + max + ", got " + v);
            }
            return v;
        });
    }

    Double decimal(String key, Double dflt, double min, double max) {
        return parsed(key, dflt, s -> {
            double v;
            try {
                v = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number, got '" + s + "'");
            }
            if (!(v >= min && v <= max)) {
                throw new IllegalArgumentException("must be " + fmt(min) + ".." + fmt(max) + ", got " + s.trim());
            }
            return v;
        });
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    Boolean bool(String key, Boolean dflt) {
        return bool(get(key), dflt);
    }

    static Boolean bool(YNode n, Boolean dflt) {
        return parsed(n, dflt, s -> switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException("must be true or false, got '" + s + "'");
        });
    }

    Duration duration(String key, Duration dflt) {
        return parsed(key, dflt, s -> Durations.parse(s.trim()));
    }

    /** A duration in whole days within min..max days (AWS stores these as day counts), as a day count. */
    Long days(String key, Long dflt, long min, long max) {
        return parsed(key, dflt, s -> {
            Duration d = Durations.parse(s.trim());
            if (d.toSeconds() % 86_400 != 0) {
                throw new IllegalArgumentException("must be whole days, e.g. 35d, got " + s);
            }
            long days = d.toDays();
            if (days < min || days > max) {
                throw new IllegalArgumentException("must be " + min + "d.." + max + "d, got " + s.trim());
            }
            return days;
        });
    }

    Instant time(String key, Instant dflt, Instant now) {
        return parsed(key, dflt, s -> Times.parse(s, now));
    }

    /** A list of plain values; a single value is accepted as a list of one. */
    List<String> strings(String key) {
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
    Map<String, String> stringMap(String key) {
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
    List<YNode> list(String key) {
        YNode n = get(key);
        return n == null ? List.of() : n.list();
    }

    /** The mapping under a key; an empty mapping when absent. */
    YMap map(String key) {
        YNode n = get(key);
        return n == null ? new YMap(owner, null) : n.map();
    }
}
