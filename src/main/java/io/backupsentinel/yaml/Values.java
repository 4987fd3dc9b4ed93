package io.backupsentinel.yaml;

import io.backupsentinel.model.Durations;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parsers for scalar values, each throwing IllegalArgumentException with a message fit for a user that echoes
 * the value cut to a readable length. No Java parser message ({@code For input string: …}) gets through.
 */
public final class Values {
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private Values() {
    }

    public static String oneOf(String s, Collection<String> allowed) {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(s.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("must be one of " + String.join(", ", allowed) + ", got '"
                + Text.clip(s) + "'");
    }

    public static long integer(String s, long min, long max) {
        String digits = s.trim().replace("_", "");
        if (!WHOLE.matcher(digits).matches()) {
            throw new IllegalArgumentException("must be a whole number, got '" + Text.clip(s) + "'");
        }
        long v;
        try {
            v = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is too large: must be " + min + ".." + max + ", got "
                    + Text.clip(digits));
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException("must be " + min + ".." + max + ", got " + v);
        }
        return v;
    }

    public static double decimal(String s, double min, double max) {
        String t = s.trim().replace("_", "");
        if (!DECIMAL.matcher(t).matches()) {
            throw new IllegalArgumentException("must be a number, got '" + Text.clip(s) + "'");
        }
        double v = Double.parseDouble(t);
        if (!(v >= min && v <= max)) {
            throw new IllegalArgumentException("must be " + number(min) + ".." + number(max) + ", got "
                    + Text.clip(s.trim()));
        }
        return v;
    }

    /** A number as a user would write it: 1 rather than 1.0, 1.0E-9 rather than 0.000000001's long form. */
    public static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    public static boolean bool(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new IllegalArgumentException("must be true or false, got '" + Text.clip(s) + "'");
        };
    }

    /** A duration such as 15m or 1h30m, parsed by {@link Durations#parse}; overflow is "too large". */
    public static Duration duration(String s) {
        try {
            return Durations.parse(s.trim());
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            throw new IllegalArgumentException("'" + Text.clip(s) + "' is too large for a duration");
        } catch (IllegalArgumentException e) {
            if (s.length() > Text.ECHO || e.getMessage() == null) {
                throw new IllegalArgumentException("'" + Text.clip(s) + "' is not a duration: write a number and"
                        + " a unit (s, m, h, d, w), e.g. 1h or 35d");
            }
            throw e;
        }
    }

    /** A duration within min..max, inclusive. */
    public static Duration duration(String s, Duration min, Duration max) {
        Duration d = duration(s);
        if (d.compareTo(min) < 0) {
            throw new IllegalArgumentException("must be at least " + Durations.format(min) + ", got "
                    + Text.clip(s.trim()));
        }
        if (d.compareTo(max) > 0) {
            throw new IllegalArgumentException("must be at most " + Durations.format(max) + ", got "
                    + Text.clip(s.trim()));
        }
        return d;
    }
}
