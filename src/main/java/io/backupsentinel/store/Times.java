package io.backupsentinel.store;

import java.time.Instant;

/** Instants as the database keeps them: nanoseconds since the epoch in a BIGINT, exact until 2262. */
final class Times {
    private static final long NANOS = 1_000_000_000L;

    private Times() {
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }
}
