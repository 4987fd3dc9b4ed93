package io.backupsentinel.engine;

import io.backupsentinel.model.TableRef;

import java.time.Duration;
import java.time.Instant;

/**
 * When a table's RPO runs out: its effective newest recovery point plus its RPO target.
 *
 * @param newest   the youngest restorable point of any source; null when the table has none (or none known)
 * @param deadline newest + rpo; null when there is no point, which counts as breached already
 */
public record RpoDeadline(TableRef table, Instant newest, Duration rpo, Instant deadline) {
    /** Breached at {@code now}: no point at all, or the deadline has passed. */
    public boolean breached(Instant now) {
        return deadline == null || !deadline.isAfter(now);
    }
}
