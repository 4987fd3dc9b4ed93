package io.backupsentinel.web.runbook;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The two ways a runbook writes an instant: ISO-8601 UTC for the CLI, and compact for table-name suffixes. */
final class Times {
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** e.g. 2026-12-02T17:00:00Z, to the second: what {@code --restore-date-time} accepts. */
    static String iso(Instant at) {
        return DateTimeFormatter.ISO_INSTANT.format(at.truncatedTo(ChronoUnit.SECONDS));
    }

    /** e.g. 20261202T1700Z. */
    static String suffix(Instant at) {
        return SUFFIX.format(at);
    }
}
