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

    static String of(Instant at) {
        long seconds = at.getEpochSecond();
        if (seconds < MIN_SECOND || seconds > MAX_SECOND) {
            return at.toString();
        }
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int second = (int) Math.floorMod(seconds, 86_400L);
        StringBuilder b = new StringBuilder(30);
        pad(b, date.getYear(), 4).append('-');
        pad(b, date.getMonthValue(), 2).append('-');
        pad(b, date.getDayOfMonth(), 2).append('T');
        pad(b, second / 3_600, 2).append(':');
        pad(b, second / 60 % 60, 2).append(':');
        pad(b, second % 60, 2);
        int nano = at.getNano();
        if (nano > 0) {
            b.append('.');
            if (nano % 1_000_000 == 0) {
                pad(b, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                pad(b, nano / 1_000, 6);
            } else {
                pad(b, nano, 9);
            }
        }
        return b.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder b, int value, int width) {
        String digits = Integer.toString(value);
        for (int i = digits.length(); i < width; i++) {
            b.append('0');
        }
        return b.append(digits);
    }
}
