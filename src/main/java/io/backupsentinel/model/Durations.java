package io.backupsentinel.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as rule and scenario files write them: a whole number and a unit, {@code 90s}, {@code 30m},
 * {@code 1h}, {@code 35d}, {@code 2w}, or several together such as {@code 1h30m}.
 */
public final class Durations {
    /** The longest duration accepted anywhere a user writes one: 100 years of 365.25 days. */
    public static final Duration MAX = Duration.ofDays(36_525);
    /** How {@link #MAX} is spelt in messages and in the rule reference. */
    public static final String MAX_TEXT = "100 years (36525d)";
    /** Values echoed in messages are cut to this many characters, so a huge value cannot flood the output. */
    private static final int ECHO = 40;
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d|w)");

    private Durations() {
    }

    /**
     * Parses a duration of at most {@link #MAX}; anything else (malformed, a number too long to be a number, or
     * longer than 100 years) throws IllegalArgumentException with a message fit for a user, never an
     * ArithmeticException or NumberFormatException.
     */
    public static Duration parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a duration is required, e.g. 1h or 35d");
        }
        String trimmed = text.trim();
        Matcher m = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                break;
            }
            total = total.plus(part(m.group(1), m.group(2), text));
            end = m.end();
        }
        if (end == 0 || end != trimmed.length()) {
            throw new IllegalArgumentException("'" + echo(text) + "' is not a duration: write a number and a unit"
                    + " (s, m, h, d, w), e.g. 1h or 35d");
        }
        if (total.compareTo(MAX) > 0) {
            throw tooLong(text);
        }
        return total;
    }

    /** One number-and-unit, refused when it alone exceeds {@link #MAX}, so no sum or unit conversion can overflow. */
    private static Duration part(String digits, String unit, String text) {
        String significant = digits.replaceFirst("^0+(?=.)", "");
        // 100 years is at most 13 digits in any unit (3155760000000ms); longer runs cannot be within bounds.
        if (significant.length() > 13) {
            throw tooLong(text);
        }
        long n = Long.parseLong(significant);
        long limit = switch (unit) {
            case "ms" -> MAX.toMillis();
            case "s" -> MAX.toSeconds();
            case "m" -> MAX.toMinutes();
            case "h" -> MAX.toHours();
            case "d" -> MAX.toDays();
            default -> MAX.toDays() / 7;
        };
        if (n > limit) {
            throw tooLong(text);
        }
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
    }

    private static IllegalArgumentException tooLong(String text) {
        return new IllegalArgumentException("'" + echo(text) + "' is too long: a duration is at most " + MAX_TEXT);
    }

    /** The text as a message may echo it: cut to a readable length. */
    static String echo(String text) {
        String t = text.trim();
        return t.length() <= ECHO ? t : t.substring(0, ECHO) + "… (" + t.length() + " characters)";
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
