package io.backupsentinel.store;

import java.time.Instant;

/** Instants as the database keeps them: nanoseconds since the epoch in a BIGINT, exact until 2262. */
final class Times {
    private static final long NANOS = 1_000_000_000L;

    private Times() {
    }

    /**
     * An ISO-8601 instant: the canonical form ({@code 2026-01-02T03:04:05.000000000Z}, what every body holds) read
     * directly, anything else by {@link Instant#parse}. A report reads hundreds of thousands of them.
     */
    static Instant parse(String text) {
        if (text.length() == 30 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.' && text.charAt(29) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int nano = digits(text, 20, 29);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28 + 3 && hour >= 0 && hour <= 23
                    && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && nano >= 0) {
                try {
                    long days = java.time.LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second, nano);
                } catch (java.time.DateTimeException e) {
                    // An impossible date such as 02-30: let Instant.parse say so.
                }
            }
        }
        return Instant.parse(text);
    }

    /** The decimal number in {@code text[from, to)}, or -1 if a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }
}
