package io.backupsentinel.alert;

import java.time.Instant;

/**
 * What the {@link Dispatcher} has done since it started, for metrics and health: events delivered, attempts that
 * will be retried, events dead-lettered (refused for good or given up), and the last error with its time (null
 * if none). Never contains the routing key.
 */
public record DispatchStats(long delivered, long retried, long deadLettered, String lastError, Instant lastErrorAt) {
}
