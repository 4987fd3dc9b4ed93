package io.backupsentinel.report.period;

import java.time.Instant;
import java.time.LocalDate;

/**
 * {@link Instant#toString()} without a {@link java.time.format.DateTimeFormatter}: a CSV report writes a few
 * hundred thousand instants, and the formatter is most of the cost of a row. Same text for every instant
 * (ISO-8601 UTC, the fraction in groups of three digits and only when not zero); years outside 0000–9999 are
 * left to {@code toString}.
 */
final class InstantText {
    private static final long MIN_SECOND = -62_167_219_200L; // 0000-01-01T00:00:00Z
    private static final long MAX_SECOND = 253_402_300_799L; // 9999-12-31T23:59:59Z

    private InstantText() {
    }

    /** The longest text {@link #write} makes: {@code 9999-12-31T23:59:59.999999999Z}. */
    static final int MAX_LENGTH = 30;

    static String of(Instant at) {
        char[] text = new char[MAX_LENGTH];
        int n = write(at, text);
        return n < 0 ? at.toString() : new String(text, 0, n);
    }

    /**
     * Writes the text of {@code at} into {@code text} (at least {@link #MAX_LENGTH} long) and returns its length,
     * or -1 for a year outside 0000–9999 (use {@code toString}). No allocation: a JSON report writes it straight out.
     */
    static int write(Instant at, char[] text) {
        long seconds = at.getEpochSecond();
        if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
            return -1;
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int second = (int) Math.floorMod(seconds, 86_400L);
        int n = digits(text, 0, date.getYear(), 4);
        text[n++] = '-';
        n = digits(text, n, date.getMonthValue(), 2);
        text[n++] = '-';
        n = digits(text, n, date.getDayOfMonth(), 2);
        text[n++] = 'T';
        n = digits(text, n, second / 3_600, 2);
        text[n++] = ':';
        n = digits(text, n, second / 60 % 60, 2);
        text[n++] = ':';
        n = digits(text, n, second % 60, 2);
        int nano = at.getNano();
        if (nano > 0) {
            text[n++] = '.';
            if (nano % 1_000_000 == 0) {
                n = digits(text, n, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                n = digits(text, n, nano / 1_000, 6);
            } else {
                n = digits(text, n, nano, 9);
            }
        }
        text[n++] = 'Z';
        return n;
    }

    /** {@code value} (not negative) in {@code width} digits, zero-padded, at {@code at}; returns the end. */
    private static int digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
