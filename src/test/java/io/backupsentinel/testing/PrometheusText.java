package io.backupsentinel.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Prometheus text format 0.0.4 strictly enough to catch what Prometheus rejects: a family split in
 * two, a sample before its TYPE, a duplicate series, a malformed line or value.
 */
public final class PrometheusText {
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*)\\})? "
                    + "(-?[0-9.eE+-]+|NaN|[+-]Inf)( -?[0-9]+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One sample: metric name, labels and value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private PrometheusText() {
    }

    /** Parses and validates {@code text}; throws AssertionError naming the first problem. */
    public static List<Sample> parse(String text) {
        List<Sample> out = new ArrayList<>();
        Set<String> closed = new HashSet<>();
        Map<String, String> types = new HashMap<>();
        Set<String> series = new HashSet<>();
        String current = null;
        int lineNo = 0;
        for (String line : text.split("\n", -1)) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                String[] parts = line.split(" ", 4);
                String family = parts[2];
                if (!family.equals(current)) {
                    open(family, current, closed, lineNo);
                    current = family;
                }
                if (line.startsWith("# TYPE ")) {
                    types.put(family, parts[3]);
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("line " + lineNo + " is not a sample: " + line);
            }
            String name = m.group(1);
            String family = familyOf(name, types);
            if (!family.equals(current)) {
                open(family, current, closed, lineNo);
                current = family;
            }
            if (!series.add(name + "{" + (m.group(3) == null ? "" : m.group(3)) + "}")) {
                throw new AssertionError("line " + lineNo + " repeats a series: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), unescape(l.group(2)));
                }
            }
            out.add(new Sample(name, labels, Double.parseDouble(m.group(4).replace("Inf", "Infinity"))));
        }
        return out;
    }

    private static String unescape(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                sb.append(n == 'n' ? '\n' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void open(String family, String current, Set<String> closed, int lineNo) {
        if (current != null) {
            closed.add(current);
        }
        if (closed.contains(family)) {
            throw new AssertionError("line " + lineNo + ": family " + family + " is split in two");
        }
    }

    private static String familyOf(String name, Map<String, String> types) {
        for (String suffix : List.of("_bucket", "_count", "_sum", "_created", "_total", "_max")) {
            if (name.endsWith(suffix)) {
                String base = name.substring(0, name.length() - suffix.length());
                if (types.containsKey(base) && !types.containsKey(name)) {
                    return base;
                }
            }
        }
        return name;
    }
}
