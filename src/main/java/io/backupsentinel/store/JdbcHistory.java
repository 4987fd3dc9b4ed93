package io.backupsentinel.store;

import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.History;
import io.backupsentinel.model.OutboxEvent;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.Transition;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link History} on a JDBC database: each append is one transaction that adds hash-chained records (the
 * transitions, then the posture changes, then the outbox events), updates the open-findings table that
 * {@link #current()} reads, and queues the events for delivery. Durable when it returns (SQLite: WAL with
 * synchronous=FULL; PostgreSQL: a committed transaction).
 */
final class JdbcHistory implements History {
    private static final String UPSERT_OPEN = "INSERT INTO open_findings (rule, account, region, tbl, seq, finding)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (rule, account, region, tbl)"
            + " DO UPDATE SET seq = excluded.seq, finding = excluded.finding";
    private static final String DELETE_OPEN = "DELETE FROM open_findings WHERE rule = ? AND account = ? AND region = ? AND tbl = ?";
    private static final String INSERT_OUTBOX = "INSERT INTO outbox (id, channel, dedup_key, action, payload, created_ns,"
            + " state, attempts, next_attempt_ns, last_error, done_ns) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, NULL, NULL)";
    private final Database db;

    JdbcHistory(Database db) {
        this.db = db;
    }

    @Override
    public void append(List<Transition> transitions, List<PostureChange> changes, List<OutboxEvent> events) {
        if (transitions.isEmpty() && changes.isEmpty() && events.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>(transitions.size() + changes.size() + events.size());
        transitions.forEach(t -> rows.add(Bodies.transition(t)));
        changes.forEach(c -> rows.add(Bodies.posture(c)));
        events.forEach(e -> rows.add(Bodies.outbox(e)));
        db.transaction("append to the history", c -> {
            List<ChainHead> links = ChainWriter.append(c, ChainWriter.lockHead(c, db.dialect()), rows);
            updateOpen(c, transitions, links);
            queue(c, events, links.subList(transitions.size() + changes.size(), links.size()));
            return null;
        });
    }

    private static void updateOpen(Connection c, List<Transition> transitions, List<ChainHead> links) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(UPSERT_OPEN); PreparedStatement delete = c.prepareStatement(DELETE_OPEN)) {
            for (int i = 0; i < transitions.size(); i++) {
                Transition t = transitions.get(i);
                FindingKey k = t.key();
                PreparedStatement s = t.current() == null ? delete : upsert;
                s.setString(1, k.rule());
                s.setString(2, k.account());
                s.setString(3, k.region());
                s.setString(4, k.table());
                if (t.current() != null) {
                    s.setLong(5, links.get(i).seq());
                    s.setString(6, Bodies.findingJson(t.current()));
                }
                // One statement per transition, in order: two transitions of one key in a batch must apply in turn.
                s.executeUpdate();
            }
        }
    }

    private static void queue(Connection c, List<OutboxEvent> events, List<ChainHead> links) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT_OUTBOX)) {
            for (int i = 0; i < events.size(); i++) {
                OutboxEvent e = events.get(i);
                s.setLong(1, links.get(i).seq());
                s.setString(2, e.channel());
                s.setString(3, e.dedupKey());
                s.setString(4, e.action());
                s.setString(5, e.payload());
                s.setLong(6, Bodies.nanos(e.createdAt()));
                s.setLong(7, Bodies.nanos(e.nextAttemptAt() == null ? e.createdAt() : e.nextAttemptAt()));
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    @Override
    public void appendRun(AuditRun run) {
        List<Row> rows = List.of(Bodies.run(run));
        db.transaction("append an audit run to the history", c -> {
            ChainWriter.append(c, ChainWriter.lockHead(c, db.dialect()), rows);
            return null;
        });
    }

    @Override
    public List<PostureChange> latestPosture(PostureChange.Aspect aspect) {
        return new HistoryQueries(db).latestPosture(Long.MAX_VALUE, aspect).stream().map(Stored::record).toList();
    }

    @Override
    public Map<FindingKey, Finding> current() {
        return db.read("read the open findings", c -> {
            Map<FindingKey, Finding> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT rule, account, region, tbl, finding FROM open_findings");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(new FindingKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            Bodies.findingOf(rs.getString(5)));
                }
            }
            return out;
        });
    }
}
