package io.backupsentinel.report.period;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads a report's parameters as the CLI and the API both take them, so they accept and refuse the same
 * things: dates ({@code 2026-10-01} is 00:00 UTC that day, or an ISO-8601 instant), tags {@code KEY=VALUE},
 * and scope values of printable text no longer than {@value #MAX_LENGTH} characters.
 */
public final class ReportParams {
    static final int MAX_LENGTH = 256;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Control characters, and the bidirectional overrides and isolates that make text read other than it is. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\u202A-\u202E\u2066-\u2069]");

    private ReportParams() {
    }

    /** {@code value} as an instant; {@code name} says which parameter in the error. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ReportException(name + " is required (a date like 2026-10-01 or an instant like 2026-10-01T00:00:00Z)");
        }
        if (CONTROL.matcher(value).find()) {
            throw new ReportException(name + " contains a control character");
        }
        String v = value.strip();
        try {
            if (DATE.matcher(v).matches()) {
                return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(v);
        } catch (DateTimeException e) {
            throw new ReportException(name + " is not a date (2026-10-01) or an ISO-8601 instant (2026-10-01T00:00:00Z): "
                    + quote(v));
        }
    }

    /** Checks scope values (accounts, regions, rules, frameworks): printable, not empty, not too long. */
    public static List<String> values(String name, List<String> values) {
        if (values == null) {
            return List.of();
        }
        for (String v : values) {
            check(name, v);
        }
        return values;
    }

    /** {@code KEY=VALUE} pairs as a sorted map; a key given twice must have one value. */
    public static SortedMap<String, String> tags(List<String> pairs) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String p : pairs == null ? List.<String>of() : pairs) {
            check("tag", p);
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new ReportException("tag must be KEY=VALUE: " + quote(p));
            }
            String key = p.substring(0, eq);
            String value = p.substring(eq + 1);
            String was = out.put(key, value);
            if (was != null && !was.equals(value)) {
                throw new ReportException("tag " + quote(key) + " is given twice with different values");
            }
        }
        return out;
    }

    private static void check(String name, String v) {
        if (v == null || v.isBlank()) {
            throw new ReportException(name + " must not be empty or blank");
        }
        if (v.length() > MAX_LENGTH) {
            throw new ReportException(name + " is longer than " + MAX_LENGTH + " characters");
        }
        if (CONTROL.matcher(v).find()) {
            throw new ReportException(name + " contains a control character");
        }
    }

    /** A value in an error message: quoted, cut to 64 characters. */
    private static String quote(String v) {
        String cut = v.length() > 64 ? v.substring(0, 64) + "…" : v;
        return "\"" + CONTROL.matcher(cut).replaceAll("?") + "\"";
    }
}
