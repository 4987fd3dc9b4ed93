package io.backupsentinel.testing;

import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Turns SDK response objects into plain trees (maps, lists, strings, numbers, booleans) through their
 * {@code sdkFields}, so two services' answers can be compared member by member: an absent member is absent
 * from the tree, a present one keeps its type. Timestamps become {@code <time>}; strings go through a
 * normaliser that masks ids and random parts.
 */
public final class SdkTrees {
    private SdkTrees() {
    }

    public static Object tree(Object value, UnaryOperator<String> normalise) {
        if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
            return null;
        }
        if (value instanceof SdkPojo pojo) {
            Map<String, Object> out = new TreeMap<>();
            for (SdkField<?> f : pojo.sdkFields()) {
                Object v = tree(f.getValueOrDefault(pojo), normalise);
                if (v != null) {
                    out.put(f.memberName(), v);
                }
            }
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(e -> out.add(tree(e, normalise)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), tree(v, normalise)));
            return out;
        }
        if (value instanceof Instant) {
            return "<time>";
        }
        if (value instanceof String s) {
            return normalise.apply(s);
        }
        return value;
    }

    /** Every difference between two trees as "path: left | right" lines; empty when equal. */
    public static List<String> diff(String path, Object left, Object right) {
        List<String> out = new ArrayList<>();
        if (left instanceof Map<?, ?> l && right instanceof Map<?, ?> r) {
            java.util.Set<Object> keys = new java.util.TreeSet<>(java.util.Comparator.comparing(String::valueOf));
            keys.addAll(l.keySet());
            keys.addAll(r.keySet());
            for (Object k : keys) {
                out.addAll(diff(path + "." + k, l.get(k), r.get(k)));
            }
        } else if (left instanceof List<?> l && right instanceof List<?> r && l.size() == r.size()) {
            for (int i = 0; i < l.size(); i++) {
                out.addAll(diff(path + "[" + i + "]", l.get(i), r.get(i)));
            }
        } else if (left == null ? right != null : !left.equals(right)) {
            out.add(path + ": " + describe(left) + " | " + describe(right));
        }
        return out;
    }

    private static String describe(Object v) {
        return v == null ? "<absent>" : v + " (" + v.getClass().getSimpleName() + ")";
    }
}
