package io.backupsentinel.check;

import java.util.List;

/**
 * One parameter of a check: its YAML key, type, whether it is required, its default (in YAML form, e.g.
 * {@code "35d"}, null when none), the allowed values of enums, bounds of integers, and a one-line description.
 */
public record ParamSpec(String name, ParamType type, boolean required, Object defaultValue, List<String> allowed,
                        Long min, Long max, String description) {
    public ParamSpec {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    public static ParamSpec required(String name, ParamType type, String description) {
        return new ParamSpec(name, type, true, null, List.of(), null, null, description);
    }

    public static ParamSpec optional(String name, ParamType type, Object defaultValue, String description) {
        return new ParamSpec(name, type, false, defaultValue, List.of(), null, null, description);
    }

    public ParamSpec allowing(List<String> values) {
        return new ParamSpec(name, type, required, defaultValue, values, min, max, description);
    }

    public ParamSpec between(Long lo, Long hi) {
        return new ParamSpec(name, type, required, defaultValue, allowed, lo, hi, description);
    }
}
