package io.backupsentinel.store;

import io.backupsentinel.model.History;
import io.backupsentinel.model.Outbox;
import io.backupsentinel.model.OutboxEvent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The daemon's history, opened: the {@link History} the engine writes to, the {@link Outbox} the alert
 * dispatcher delivers from, the {@link HistoryQueries} the status page and reports read, the
 * {@link ChainVerifier}, and pruning. Embedded SQLite in the data directory unless the settings name a
 * PostgreSQL URL. Every failure to open is a {@link StoreException} with a one-line message.
 */
public final class HistoryStore implements AutoCloseable {
    private final StoreSettings settings;
    private final Database db;
    private final JdbcHistory history;
    private final JdbcOutbox outbox;
    private final HistoryQueries queries;

    private HistoryStore(StoreSettings settings, Database db) {
        this.settings = settings;
        this.db = db;
        this.history = new JdbcHistory(db);
        this.outbox = new JdbcOutbox(db);
        this.queries = new HistoryQueries(db);
    }

    /**
     * Opens the history to write, creating or migrating it: SQLite takes the data directory's lock, so a
     * second daemon on the same directory fails here.
     */
    public static HistoryStore open(StoreSettings settings) {
        return new HistoryStore(settings, Database.openForWriting(settings));
    }

    /** Opens an existing history to read and verify, beside a running daemon: no lock, no migration. */
    public static HistoryStore openReadOnly(StoreSettings settings) {
        return new HistoryStore(settings, Database.openForReading(settings));
    }

    public History history() {
        return history;
    }

    public Outbox outbox() {
        return outbox;
    }

    public HistoryQueries queries() {
        return queries;
    }

    public ChainVerifier verifier() {
        return new ChainVerifier(db);
    }

    /** Removes the records older than the configured retention; see {@link #pruneBefore}. */
    public Optional<Stored<Checkpoint>> prune(Instant now) {
        return pruneBefore(now.minus(settings.retention()), now);
    }

    /**
     * Removes every record before the first one at or after {@code before}, leaving a checkpoint; empty when
     * there was nothing to remove. The chain still verifies, and {@code current()} is unchanged.
     */
    public Optional<Stored<Checkpoint>> pruneBefore(Instant before, Instant now) {
        return new Pruner(db).prune(before, now);
    }

    /** Events of {@code channel} the receiver refused for good, oldest first, with the reason in lastError. */
    public List<OutboxEvent> deadLetters(String channel) {
        return outbox.dead(channel);
    }

    /** Where the history is, for messages (never with a password). */
    public String describe() {
        return settings.describe();
    }

    @Override
    public void close() {
        db.close();
    }
}
