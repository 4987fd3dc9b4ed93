package io.backupsentinel.report.period;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Flattens a report row (a record) into CSV columns: one column per component, a {@link Citation} as two
 * ({@code openedSeq}, {@code openedHash}), a {@link ReportScope} as one per list, a list joined with
 * {@code "; "}, a map as {@code k=v} pairs, null as an empty cell. The column names are the JSON names.
 */
final class RowFields {
    /** Each record type's components and accessors, looked up once: reflection per row is slow over a large report. */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] c = type.getRecordComponents();
            Component[] out = new Component[c.length];
            for (int i = 0; i < c.length; i++) {
                out[i] = new Component(c[i].getType(), c[i].getAccessor());
            }
            return out;
        }
    };

    private record Component(Class<?> type, java.lang.reflect.Method accessor) {
    }

    private RowFields() {
    }

    static List<String> columns(Class<? extends Record> type) {
        List<String> out = new ArrayList<>();
        for (RecordComponent c : type.getRecordComponents()) {
            if (c.getType() == Citation.class) {
                out.add(c.getName() + "Seq");
                out.add(c.getName() + "Hash");
            } else if (c.getType() == ReportScope.class) {
                for (RecordComponent s : ReportScope.class.getRecordComponents()) {
                    out.add(c.getName() + "." + s.getName());
                }
            } else {
                out.add(c.getName());
            }
        }
        return out;
    }

    static List<String> values(Record row) {
        Component[] components = COMPONENTS.get(row.getClass());
        List<String> out = new ArrayList<>(components.length + 4);
        for (Component c : components) {
            Object v = get(c.accessor(), row);
            if (c.type() == Citation.class) {
                Citation cite = (Citation) v;
                out.add(cite == null ? null : Long.toString(cite.seq()));
                out.add(cite == null ? null : cite.hash());
            } else if (c.type() == ReportScope.class) {
                for (Component s : COMPONENTS.get(ReportScope.class)) {
                    out.add(text(get(s.accessor(), (Record) v)));
                }
            } else {
                out.add(text(v));
            }
        }
        return out;
    }

    private static String text(Object v) {
        // The common final types first: a type test against an interface (List, Map) is a slow scan when it fails.
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Boolean || v instanceof Enum<?>) {
            return v.toString();
        }
        if (v instanceof java.time.Instant at) {
            return InstantText.of(at);
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof List<?> list) {
            return String.join("; ", list.stream().map(String::valueOf).toList());
        }
        if (v instanceof Map<?, ?> map) {
            return String.join("; ", map.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }
        return v.toString();
    }

    private static Object get(java.lang.reflect.Method accessor, Record r) {
        try {
            return accessor.invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }
}
