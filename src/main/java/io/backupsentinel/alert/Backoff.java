package io.backupsentinel.alert;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential from {@code base}, capped, with jitter so that many daemons
 * (or many events) that failed together do not retry together; a receiver's {@code Retry-After} wins when
 * present, up to {@code maxRetryAfter}.
 */
public record Backoff(Duration base, Duration cap, Duration maxRetryAfter) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofHours(1));

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap and a non-negative Retry-After bound");
        }
    }

    /**
     * The delay after the {@code attempt}-th failure (1 for the first): base·2^(attempt-1), capped, then a random
     * point in its upper half ("equal jitter", so a retry never comes at once).
     */
    public Duration delay(int attempt, DoubleSupplier random) {
        int doublings = Math.max(0, Math.min(attempt - 1, 40));
        long capMillis = cap.toMillis();
        long exp = base.toMillis() * (1L << Math.min(doublings, 20));
        long full = doublings > 20 || exp > capMillis || exp <= 0 ? capMillis : exp;
        long half = full / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (full - half)));
    }

    /** The next attempt: at the {@code Retry-After} when the receiver gave one, else after {@link #delay}. */
    public Instant next(Instant now, int attempt, Optional<Duration> retryAfter, DoubleSupplier random) {
        return retryAfter.map(d -> now.plus(d.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : d))
                .orElseGet(() -> now.plus(delay(attempt, random)));
    }

    /** A {@code Retry-After} header: delay-seconds or an HTTP-date; empty when absent or unreadable. */
    public static Optional<Duration> parseRetryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String v = header.get().trim();
        try {
            long seconds = Long.parseLong(v);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
