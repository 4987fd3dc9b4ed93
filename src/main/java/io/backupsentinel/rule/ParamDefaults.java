package io.backupsentinel.rule;

import io.backupsentinel.check.CheckSpec;
import io.backupsentinel.check.ParamSpec;
import io.backupsentinel.check.Params;
import io.backupsentinel.model.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns parameter values into the Java types {@link Params} promises (Duration, Long, Boolean, String,
 * List&lt;String&gt;) and fills in a check's defaults, which {@link ParamSpec} keeps in their YAML form.
 */
final class ParamDefaults {
    private ParamDefaults() {
    }

    /** The check's full parameter values: the given ones, and the defaults of the rest (null defaults left out). */
    static Params withDefaults(CheckSpec spec, Map<String, Object> given) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (ParamSpec p : spec.params()) {
            Object v = given.containsKey(p.name()) ? given.get(p.name()) : fromDefault(spec, p);
            if (v != null) {
                values.put(p.name(), v);
            }
        }
        return new Params(values);
    }

    /** A spec's default in its Java type; a default that does not fit its type is a bug in the check. */
    static Object fromDefault(CheckSpec spec, ParamSpec p) {
        Object d = p.defaultValue();
        if (d == null) {
            return null;
        }
        try {
            return switch (p.type()) {
                case DURATION -> d instanceof Duration duration ? duration : Durations.parse(d.toString());
                case INTEGER -> d instanceof Number n ? n.longValue() : Long.parseLong(d.toString());
                case BOOLEAN -> d instanceof Boolean b ? b : parseBoolean(d.toString());
                case STRING, ENUM -> d.toString();
                case STRING_LIST, ENUM_LIST -> strings((List<?>) d);
            };
        } catch (RuntimeException e) {
            throw new IllegalStateException("check " + spec.name() + ": the default of parameter " + p.name()
                    + " (" + d + ") is not a " + p.type() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> strings(List<?> list) {
        List<String> out = new ArrayList<>();
        list.forEach(o -> out.add(o.toString()));
        return List.copyOf(out);
    }

    private static boolean parseBoolean(String text) {
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not true or false");
        };
    }
}
