package io.backupsentinel.check;

import io.backupsentinel.model.Durations;

import java.time.Duration;
import java.time.Instant;

/** Ages of things as findings show them; a time slightly in the future (clock skew) counts as age zero. */
final class Ages {
    private Ages() {
    }

    static Duration since(Instant at, Instant now) {
        Duration d = Duration.between(at, now);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** True when {@code at} is no more than {@code max} before {@code now}: the bound itself is within. */
    static boolean within(Instant at, Instant now, Duration max) {
        return since(at, now).compareTo(max) <= 0;
    }

    /** e.g. "3h ago". */
    static String ago(Instant at, Instant now) {
        return Durations.format(since(at, now)) + " ago";
    }
}
