package io.backupsentinel.testing;

import io.backupsentinel.check.Check;
import io.backupsentinel.check.ParamSpec;
import io.backupsentinel.check.Params;
import io.backupsentinel.model.Durations;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns YAML-like values into the {@link Params} the rule loader would hand a check: defaults from the
 * check's own ParamSpecs filled in, durations parsed, integers as Long. Keeps check tests honest about the
 * declared defaults.
 */
public final class SpecParams {
    private SpecParams() {
    }

    /** {@code kv} is name, value, name, value... with values as YAML would give them ("1h", true, 7, List). */
    public static Params of(Check<?> check, Object... kv) {
        Map<String, Object> given = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            given.put((String) kv[i], kv[i + 1]);
        }
        Map<String, Object> values = new HashMap<>();
        for (ParamSpec spec : check.spec().params()) {
            Object raw = given.containsKey(spec.name()) ? given.remove(spec.name()) : spec.defaultValue();
            if (raw != null) {
                values.put(spec.name(), convert(spec, raw));
            }
        }
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(check.spec().name() + " has no parameters " + given.keySet());
        }
        return new Params(values);
    }

    /** Binds the check's typed parameters from YAML-like values. */
    public static <P> P bind(Check<P> check, Object... kv) {
        return check.bind(of(check, kv));
    }

    private static Object convert(ParamSpec spec, Object raw) {
        return switch (spec.type()) {
            case DURATION -> Durations.parse((String) raw);
            case INTEGER -> ((Number) raw).longValue();
            case STRING_LIST, ENUM_LIST -> List.copyOf((List<?>) raw).stream().map(Object::toString).toList();
            default -> raw;
        };
    }
}
