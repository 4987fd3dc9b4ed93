package io.backupsentinel.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A notification waiting in the history's outbox until it is delivered: written in the same transaction as
 * the finding transition that caused it, so no event is lost across restarts or receiver outages.
 *
 * @param id            the outbox's own sequence number (0 for an event not yet stored)
 * @param channel       who delivers it, e.g. {@code "pagerduty"}
 * @param dedupKey      the receiver's deduplication key, e.g. PagerDuty's {@code dedup_key}
 * @param action        e.g. {@code "trigger"} or {@code "resolve"}
 * @param payload       the request body to send, as JSON
 * @param attempts      delivery attempts so far
 * @param nextAttemptAt when the next attempt is due
 * @param lastError     why the last attempt failed; null if none did
 */
public record OutboxEvent(long id, String channel, String dedupKey, String action, String payload,
                          Instant createdAt, int attempts, Instant nextAttemptAt, String lastError) {
    public OutboxEvent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new event, due at once. */
    public static OutboxEvent of(String channel, String dedupKey, String action, String payload, Instant now) {
        return new OutboxEvent(0, channel, dedupKey, action, payload, now, 0, now, null);
    }
}
