package io.backupsentinel.store;

import io.backupsentinel.model.Outbox;
import io.backupsentinel.model.OutboxEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link Outbox} on the history database. The delivery state of an event (attempts, next attempt, last
 * error, delivered, dead-lettered) is operational, not evidence: it lives in the {@code outbox} table,
 * outside the hash chain, and changes freely. What the chain proves is that the event was queued, and
 * with which payload: its {@code outbox} record, whose sequence number is the event's id.
 */
final class JdbcOutbox implements Outbox {
    private static final String PENDING = "PENDING";
    private final Database db;

    JdbcOutbox(Database db) {
        this.db = db;
    }

    @Override
    public List<OutboxEvent> due(String channel, Instant now, int max) {
        return db.read("read the outbox", c -> {
            List<OutboxEvent> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, channel, dedup_key, action, payload, created_ns,"
                    + " attempts, next_attempt_ns, last_error FROM outbox WHERE channel = ? AND state = ?"
                    + " AND next_attempt_ns <= ? ORDER BY id LIMIT ?")) {
                s.setString(1, channel);
                s.setString(2, PENDING);
                s.setLong(3, Bodies.nanos(now));
                s.setInt(4, max);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OutboxEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Times.instant(rs.getLong(6)), rs.getInt(7),
                                Times.instant(rs.getLong(8)), rs.getString(9)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public void delivered(long id, Instant at) {
        update("record a delivery", "UPDATE outbox SET state = 'DELIVERED', attempts = attempts + 1, done_ns = ?"
                + " WHERE id = ? AND state = 'PENDING'", Bodies.nanos(at), id);
    }

    @Override
    public void retryLater(long id, Instant next, String error) {
        db.transaction("record a failed delivery", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET attempts = attempts + 1, next_attempt_ns = ?,"
                    + " last_error = ? WHERE id = ? AND state = 'PENDING'")) {
                s.setLong(1, Bodies.nanos(next));
                s.setString(2, error);
                s.setLong(3, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void deadLetter(long id, String reason) {
        db.transaction("dead-letter an event", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE outbox SET state = 'DEAD', attempts = attempts + 1,"
                    + " last_error = ? WHERE id = ? AND state = 'PENDING'")) {
                s.setString(1, reason);
                s.setLong(2, id);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public long depth(String channel) {
        return db.read("count the outbox", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM outbox WHERE channel = ? AND state = ?")) {
                s.setString(1, channel);
                s.setString(2, PENDING);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Dead-lettered events of this channel, oldest first: what an operator looks at after a 400. */
    List<OutboxEvent> dead(String channel) {
        return db.read("read the dead letters", c -> {
            List<OutboxEvent> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, channel, dedup_key, action, payload, created_ns,"
                    + " attempts, next_attempt_ns, last_error FROM outbox WHERE channel = ? AND state = 'DEAD' ORDER BY id")) {
                s.setString(1, channel);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new OutboxEvent(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), Times.instant(rs.getLong(6)), rs.getInt(7),
                                Times.instant(rs.getLong(8)), rs.getString(9)));
                    }
                }
            }
            return out;
        });
    }

    private void update(String doing, String sql, long nanos, long id) {
        db.transaction(doing, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, nanos);
                s.setLong(2, id);
                s.executeUpdate();
            }
            return null;
        });
    }
}
