package io.backupsentinel.sandbox.tagging;

import java.util.List;
import java.util.Map;

/**
 * One GetResources TagFilter: the resource has the key and, when values are given, one of them. Filters
 * are AND-ed with each other; values within a filter are OR-ed.
 */
record TagFilter(String key, List<String> values) {
    TagFilter {
        values = List.copyOf(values);
    }

    boolean matches(Map<String, String> tags) {
        String v = tags.get(key);
        return v != null && (values.isEmpty() || values.contains(v));
    }
}
