package io.backupsentinel.check;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A rule's parameter values after schema validation, defaults filled in: durations as {@link Duration},
 * integers as {@link Long}, lists as {@code List<String>}. Checks read them in {@link Check#bind(Params)}.
 */
public final class Params {
    private final Map<String, Object> values;

    public Params(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Duration duration(String name) {
        return (Duration) values.get(name);
    }

    public Long integer(String name) {
        return (Long) values.get(name);
    }

    public Boolean bool(String name) {
        return (Boolean) values.get(name);
    }

    public String string(String name) {
        return (String) values.get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        Object v = values.get(name);
        return v == null ? List.of() : (List<String>) v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
