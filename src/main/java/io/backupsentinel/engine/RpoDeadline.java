package io.backupsentinel.engine;

import io.backupsentinel.model.TableRef;

import java.time.Duration;
import java.time.Instant;

/**
 * When a table's RPO runs out: its effective newest recovery point plus its RPO target.
 *
 * @param newest   the youngest restorable point of any source read; null when the table has none (or none known)
 * @param deadline newest + rpo; null when there is no known point
 * @param unknown  why some source could not be read (then a younger point may exist); null when every source was
 */
public record RpoDeadline(TableRef table, Instant newest, Duration rpo, Instant deadline, String unknown) {
    /**
     * Breached at {@code now}: every source was read and none has a point, or the deadline has passed. Not when a
     * source could not be read and none read is within the RPO: that is {@link #unknown(Instant) unknown}, as the
     * rpo check judges it.
     */
    public boolean breached(Instant now) {
        return unknown == null && !within(now);
    }

    /** Unknown at {@code now}: no source read is within the RPO, and one that might be could not be read. */
    public boolean unknown(Instant now) {
        return unknown != null && !within(now);
    }

    private boolean within(Instant now) {
        return deadline != null && deadline.isAfter(now);
    }
}
