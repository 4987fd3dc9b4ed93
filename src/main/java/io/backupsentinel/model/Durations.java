package io.backupsentinel.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as rule and scenario files write them: a whole number and a unit, {@code 90s}, {@code 30m},
 * {@code 1h}, {@code 35d}, {@code 2w}, or several together such as {@code 1h30m}.
 */
public final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private Durations() {
    }

    /** Parses a duration; throws IllegalArgumentException with a message fit for a user. */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a duration is required, e.g. 1h or 35d");
        }
        Matcher m = PART.matcher(text.trim());
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            });
            end = m.end();
        }
        if (end == 0 || end != text.trim().length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a number and a unit"
                    + " (s, m, h, d, w), e.g. 1h or 35d");
        }
        return total;
    }

    /** Formats a duration in the largest whole units, e.g. 1d2h, 35d, 4m30s. */
    public static String format(Duration d) {
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        long s = d.getSeconds();
        if (s == 0) {
            return d.toMillis() == 0 ? "0s" : d.toMillis() + "ms";
        }
        StringBuilder out = new StringBuilder();
        long days = s / 86_400;
        long hours = s % 86_400 / 3600;
        long minutes = s % 3600 / 60;
        long seconds = s % 60;
        if (days > 0) {
            out.append(days).append('d');
        }
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0 && days == 0) {
            out.append(minutes).append('m');
        }
        if (seconds > 0 && days == 0 && hours == 0) {
            out.append(seconds).append('s');
        }
        return out.length() == 0 ? days + "d" : out.toString();
    }
}
