package io.backupsentinel.sandbox.scenario;

import io.backupsentinel.yaml.Text;
import io.backupsentinel.yaml.Values;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Scenario times: {@code now}, an offset from now ({@code -3h}, {@code -1d2h}, {@code +30d}) or an absolute
 * ISO-8601 instant ({@code 2026-01-15T10:00:00Z}, or with an offset such as {@code +02:00}).
 */
final class Times {
    private Times() {
    }

    static Instant parse(String text, Instant now) {
        String t = text.trim();
        if (t.equals("now")) {
            return now;
        }
        if (t.startsWith("-") || t.startsWith("+")) {
            try {
                var d = Values.duration(t.substring(1));
                return t.startsWith("-") ? now.minus(d) : now.plus(d);
            } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
                throw new IllegalArgumentException("'" + Text.clip(text) + "' is not a time: write now, an offset from now"
                        + " such as -3h or -1d2h, or an ISO-8601 instant such as 2026-01-15T10:00:00Z");
            }
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + Text.clip(text) + "' is not a time: write now, an offset from now such as"
                    + " -3h or -1d2h, or an ISO-8601 instant such as 2026-01-15T10:00:00Z");
        }
    }
}
