package io.backupsentinel.web.chart;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How charts write times (UTC) and durations, compactly. */
final class Labels {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Labels() {
    }

    /** e.g. "2026-12-02 17:00 UTC". */
    static String utc(Instant at) {
        return MINUTE.format(at) + " UTC";
    }

    /** A tick label: day and time for ticks less than a day apart, the date otherwise. */
    static String tick(Instant at, Duration step) {
        return step.compareTo(Duration.ofDays(1)) < 0 ? SHORT.format(at) : DAY.format(at);
    }

    /** e.g. "2d 3h", "45m", "30s": the two largest units. */
    static String duration(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86_400;
        long hours = s % 86_400 / 3_600;
        long minutes = s % 3_600 / 60;
        long seconds = s % 60;
        if (days > 0) {
            return hours > 0 ? days + "d " + hours + "h" : days + "d";
        }
        if (hours > 0) {
            return minutes > 0 ? hours + "h " + minutes + "m" : hours + "h";
        }
        if (minutes > 0) {
            return seconds > 0 ? minutes + "m " + seconds + "s" : minutes + "m";
        }
        return seconds + "s";
    }
}
