package io.backupsentinel.store;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes the records older than the retention cut and leaves a {@link Checkpoint} in their place, in one
 * transaction. Only a prefix of the chain is removed (every record before the first one at or after the
 * cut), so what remains is still one unbroken chain that starts from the checkpoint's pruned head. The
 * findings open after the pruned records are re-stated with the checkpoint, and the open-findings table
 * that {@code current()} reads is never pruned, so a finding opened two years ago and unchanged since is
 * still current. Delivered and dead-lettered outbox rows older than the cut go too; pending ones stay.
 */
final class Pruner {
    private final Database db;

    Pruner(Database db) {
        this.db = db;
    }

    Optional<Stored<Checkpoint>> prune(Instant before, Instant now) {
        long cutNanos = Bodies.nanos(before);
        return db.transaction("prune the history", c -> {
            ChainHead head = ChainWriter.lockHead(c, db.dialect());
            Long firstKept = single(c, "SELECT MIN(seq) FROM records WHERE at_ns >= ?", cutNanos);
            long cut = firstKept == null ? head.seq() : firstKept - 1;
            Long first = single(c, "SELECT MIN(seq) FROM records", null);
            if (first == null || cut < first) {
                return Optional.empty();
            }
            Optional<Stored<Checkpoint>> base = HistoryQueries.latestCheckpoint(c);
            OpenSet open = base.isPresent() ? new OpenSet(HistoryQueries.restated(c, base.get().seq())) : new OpenSet();
            replay(c, base.map(s -> s.record().prunedSeq()).orElse(0L), cut, open);
            String prunedHash = hashOf(c, cut);
            execute(c, "DELETE FROM records WHERE seq <= ?", cut);
            Checkpoint checkpoint = new Checkpoint(now, before, cut, prunedHash, open.size(), open.digest());
            ChainHead link = ChainWriter.append(c, head, List.of(Bodies.checkpoint(checkpoint))).get(0);
            execute(c, "DELETE FROM checkpoint_open WHERE checkpoint_seq < ?", link.seq());
            restate(c, link.seq(), open);
            execute(c, "DELETE FROM outbox WHERE state <> 'PENDING' AND created_ns < ?", cutNanos);
            return Optional.of(new Stored<>(link.seq(), link.hash(), checkpoint));
        });
    }

    private static void replay(Connection c, long after, long through, OpenSet open) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT body FROM records WHERE kind = ? AND seq > ? AND seq <= ?"
                + " ORDER BY seq")) {
            s.setString(1, RecordKind.TRANSITION.label());
            s.setLong(2, after);
            s.setLong(3, through);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    open.apply(Bodies.transitionOf(Canonical.parse(rs.getString(1))));
                }
            }
        }
    }

    private static void restate(Connection c, long checkpointSeq, OpenSet open) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO checkpoint_open (checkpoint_seq, rule, account, region,"
                + " tbl, finding) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<FindingKey, Finding> e : open.asMap().entrySet()) {
                FindingKey k = e.getKey();
                s.setLong(1, checkpointSeq);
                s.setString(2, k.rule());
                s.setString(3, k.account());
                s.setString(4, k.region());
                s.setString(5, k.table());
                s.setString(6, Bodies.findingJson(e.getValue()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static String hashOf(Connection c, long seq) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT hash FROM records WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("record " + seq + " is missing; run verify --history");
                }
                return rs.getString(1);
            }
        }
    }

    private static Long single(Connection c, String sql, Long param) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (param != null) {
                s.setLong(1, param);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? null : v;
            }
        }
    }

    private static void execute(Connection c, String sql, long param) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, param);
            s.executeUpdate();
        }
    }
}
