package io.backupsentinel.report.period;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A report row (a record) in each format, from its components in declaration order, read once per type.
 * <ul>
 * <li>CSV: one column per component, a {@link Citation} as two ({@code openedSeq}, {@code openedHash}), a
 * {@link ReportScope} as one per list, a list joined with {@code "; "}, a map as {@code k=v} pairs, null as an
 * empty cell. The column names are the JSON names.</li>
 * <li>JSON: an object with one field per component; a nested record (a citation, the scope) an object, a list
 * an array, a map an object, instants ISO-8601 UTC, dates ISO-8601, enums by name, decimals plain. Written
 * straight to the generator: a report has a few hundred thousand rows, and data binding costs more than the
 * row.</li>
 * </ul>
 */
final class RowFields {
    /**
     * Each record type's components, with their accessors and their JSON forms, looked up once: reflection per row
     * is slow over a large report, and so is a test of every value's class (see {@link #json(Class)}).
     */
    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] c = type.getRecordComponents();
            Component[] out = new Component[c.length];
            for (int i = 0; i < c.length; i++) {
                java.lang.reflect.Method accessor = c[i].getAccessor();
                // Checked once here: otherwise every call walks the stack for its caller to check access again.
                accessor.setAccessible(true);
                out[i] = new Component(c[i].getType(), accessor, new SerializedString(c[i].getName()),
                        json(c[i].getType()));
            }
            return out;
        }
    };

    /** Each writing thread's buffer for an instant's text: a report writes a few hundred thousand. */
    private static final ThreadLocal<char[]> INSTANT_TEXT = ThreadLocal.withInitial(() -> new char[InstantText.MAX_LENGTH]);

    /** An accessor's arguments: none, and one array for every call instead of one each. */
    private static final Object[] NO_ARGUMENTS = {};

    /** How a component's value (never null) is written as JSON. */
    private interface JsonForm {
        void write(Object value, JsonGenerator json) throws IOException;
    }

    private record Component(Class<?> type, java.lang.reflect.Method accessor, SerializableString jsonName, JsonForm json) {
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

    /** Writes {@code row} as a JSON object. */
    static void writeJson(Record row, JsonGenerator json) throws IOException {
        json.writeStartObject();
        for (Component c : COMPONENTS.get(row.getClass())) {
            json.writeFieldName(c.jsonName());
            Object v = get(c.accessor(), row);
            if (v == null) {
                json.writeNull();
            } else {
                c.json().write(v, json);
            }
        }
        json.writeEndObject();
    }

    /**
     * The JSON form of a component declared as {@code type}, chosen once: each is a small method of its own that
     * the JIT compiles quickly, where one method testing every value's class grew large. A list, a map or any
     * other declared type is written by the value's own class ({@link #writeJsonValue}).
     */
    private static JsonForm json(Class<?> type) {
        if (type == String.class) {
            return (v, json) -> json.writeString((String) v);
        }
        if (type == long.class || type == Long.class) {
            return (v, json) -> json.writeNumber((long) (Long) v);
        }
        if (type == int.class || type == Integer.class) {
            return (v, json) -> json.writeNumber((int) (Integer) v);
        }
        if (type == boolean.class || type == Boolean.class) {
            return (v, json) -> json.writeBoolean((Boolean) v);
        }
        if (type == java.time.Instant.class) {
            return (v, json) -> writeInstant((java.time.Instant) v, json);
        }
        if (type.isEnum()) {
            return (v, json) -> json.writeString(((Enum<?>) v).name());
        }
        if (type == java.math.BigDecimal.class) {
            return (v, json) -> json.writeNumber(((java.math.BigDecimal) v).toPlainString());
        }
        if (type.isRecord()) {
            return (v, json) -> writeJson((Record) v, json);
        }
        return RowFields::writeJsonValue;
    }

    private static void writeInstant(java.time.Instant at, JsonGenerator json) throws IOException {
        char[] text = INSTANT_TEXT.get();
        int n = InstantText.write(at, text);
        if (n < 0) {
            json.writeString(at.toString());
        } else {
            json.writeString(text, 0, n);
        }
    }

    private static void writeJsonValue(Object v, JsonGenerator json) throws IOException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof String text) {
            json.writeString(text);
        } else if (v instanceof Long n) {
            json.writeNumber(n);
        } else if (v instanceof Integer n) {
            json.writeNumber(n);
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else if (v instanceof Enum<?> e) {
            json.writeString(e.name());
        } else if (v instanceof java.time.Instant at) {
            writeInstant(at, json);
        } else if (v instanceof java.math.BigDecimal d) {
            json.writeNumber(d.toPlainString());
        } else if (v instanceof java.time.LocalDate d) {
            json.writeString(d.toString());
        } else if (v instanceof Record r) {
            writeJson(r, json);
        } else if (v instanceof List<?> list) {
            json.writeStartArray();
            for (Object o : list) {
                writeJsonValue(o, json);
            }
            json.writeEndArray();
        } else if (v instanceof Map<?, ?> map) {
            json.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                json.writeFieldName(String.valueOf(e.getKey()));
                writeJsonValue(e.getValue(), json);
            }
            json.writeEndObject();
        } else {
            throw new IllegalStateException("no JSON form for a " + v.getClass().getName() + " in a report row");
        }
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
            return accessor.invoke(r, NO_ARGUMENTS);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }
}
