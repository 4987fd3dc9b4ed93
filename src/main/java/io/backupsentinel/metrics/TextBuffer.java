package io.backupsentinel.metrics;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer with the few writes the Prometheus text format needs. Not thread-safe: one
 * is filled by one thread, then frozen into a {@link Chunk}. Faster than a StringBuilder then getBytes for
 * the fleet's hundreds of thousands of lines, because label prefixes are copied as ready bytes.
 */
final class TextBuffer {
    private byte[] buf;
    private int len;

    TextBuffer(int capacity) {
        buf = new byte[Math.max(capacity, 64)];
    }

    TextBuffer bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    TextBuffer text(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    TextBuffer number(long v) {
        return text(Long.toString(v));
    }

    /** {@code millis} as seconds with three decimals, e.g. 1234 → "1.234"; never negative. */
    TextBuffer millisAsSeconds(long millis) {
        long m = Math.max(0, millis);
        number(m / 1000);
        long frac = m % 1000;
        ensure(4);
        buf[len++] = '.';
        buf[len++] = (byte) ('0' + frac / 100);
        buf[len++] = (byte) ('0' + frac / 10 % 10);
        buf[len++] = (byte) ('0' + frac % 10);
        return this;
    }

    TextBuffer newline() {
        ensure(1);
        buf[len++] = '\n';
        return this;
    }

    int length() {
        return len;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    /**
     * The series name and labels of one line, ready to be followed by a value: {@code name{a="x",b="y"} }.
     * Label values are escaped as the text format requires (backslash, double quote, newline).
     */
    static String series(String name, java.util.List<String> labels, String... values) {
        if (labels.size() != values.length) {
            throw new IllegalArgumentException(name + " has " + labels.size() + " labels, got " + values.length);
        }
        StringBuilder sb = new StringBuilder(name.length() + 16 * values.length).append(name).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(labels.get(i)).append("=\"");
            escape(values[i], sb);
            sb.append('"');
        }
        return sb.append("} ").toString();
    }

    private static void escape(String v, StringBuilder sb) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                default -> sb.append(c);
            }
        }
    }
}
