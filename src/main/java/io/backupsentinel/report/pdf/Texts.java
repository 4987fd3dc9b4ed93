package io.backupsentinel.report.pdf;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** How the PDF spells times, durations and lists: UTC to the second, durations to the second, nothing local. */
final class Texts {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private Texts() {
    }

    /** {@code 2026-12-02 17:00:00}; the column or line says it is UTC. */
    static String time(Instant at) {
        return at == null ? "" : UTC.format(at);
    }

    /** {@code 2026-12-02 17:00:00 UTC}. */
    static String utc(Instant at) {
        return at == null ? "" : UTC.format(at) + " UTC";
    }

    /** A duration to the second, largest unit first: {@code 0s}, {@code 45s}, {@code 2h 5m 0s}, {@code 3d 0h 0m 7s}. */
    static String duration(long seconds) {
        if (seconds < 0) {
            return "-" + duration(-seconds);
        }
        long d = seconds / 86_400;
        long h = seconds % 86_400 / 3_600;
        long m = seconds % 3_600 / 60;
        long s = seconds % 60;
        if (d > 0) {
            return d + "d " + h + "h " + m + "m " + s + "s";
        }
        if (h > 0) {
            return h + "h " + m + "m " + s + "s";
        }
        return m > 0 ? m + "m " + s + "s" : s + "s";
    }

    /** {@code 99.99%}; a dash when there is no share (no table judged, or a period under a second). */
    static String percent(java.math.BigDecimal share) {
        return share == null ? "\u2014" : share + "%";
    }

    /** The values joined by commas, or {@code all} when the list is empty (an empty scope list means any). */
    static String anyOf(List<String> values) {
        return values.isEmpty() ? "all" : String.join(", ", values);
    }

    static String orEmpty(Object value) {
        return value == null ? "" : value.toString();
    }
}
