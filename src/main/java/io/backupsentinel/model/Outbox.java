package io.backupsentinel.model;

import java.time.Instant;
import java.util.List;

/**
 * The delivery side of the history's outbox: a dispatcher takes due events, tries them, and records the
 * result. Implemented by the {@code store} package; used by the {@code alert} package.
 */
public interface Outbox {
    /** Pending events of this channel due at {@code now}, oldest first, at most {@code max}. */
    List<OutboxEvent> due(String channel, Instant now, int max);

    void delivered(long id, Instant at);

    /** The attempt failed in a way worth retrying (429, 5xx, no answer): try again at {@code next}. */
    void retryLater(long id, Instant next, String error);

    /** The receiver refused the event for good (e.g. HTTP 400): keep it, never send it again. */
    void deadLetter(long id, String reason);

    /** Events not yet delivered nor dead-lettered. */
    long depth(String channel);
}
