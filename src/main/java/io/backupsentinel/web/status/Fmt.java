package io.backupsentinel.web.status;

import io.backupsentinel.model.Durations;
import io.backupsentinel.model.Status;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How the pages write times, durations, statuses and links; called from the templates. */
public final class Fmt {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Fmt() {
    }

    /** e.g. {@code 2026-12-02T17:00:00Z}, for {@code <time datetime>}. */
    public static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The day of a time in UTC, e.g. {@code 2026-12-02}: a page keeps it on one line. */
    public static String utcDay(Instant at) {
        return DAY.format(at);
    }

    /** The time of day in UTC, e.g. {@code 17:00:00 UTC}: a page writes it after {@link #utcDay}. */
    public static String utcClock(Instant at) {
        return CLOCK.format(at);
    }

    /** e.g. {@code 1h30m}, to the second; "0s" for nothing. */
    public static String duration(Duration d) {
        Duration whole = d.truncatedTo(ChronoUnit.SECONDS);
        return whole.isZero() ? "0s" : Durations.format(whole);
    }

    /** e.g. {@code NON_COMPLIANT} → {@code non-compliant}, the CSS class suffix of a status badge. */
    public static String css(Status s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** e.g. {@code NON_COMPLIANT} → "Non-compliant". */
    public static String label(Status s) {
        return switch (s) {
            case COMPLIANT -> "Compliant";
            case NON_COMPLIANT -> "Non-compliant";
            case UNKNOWN -> "Unknown";
            case EXEMPT -> "Exempt";
        };
    }

    /** The status page of one table, its path segments percent-encoded. */
    public static String tableHref(String account, String region, String table) {
        return "/tables/" + segment(account) + "/" + segment(region) + "/" + segment(table);
    }

    static String segment(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String param(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
