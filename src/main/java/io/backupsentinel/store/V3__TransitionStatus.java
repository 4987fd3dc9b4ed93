package io.backupsentinel.store;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Schema version 3 (the class name is Flyway's convention for a Java migration: version 3, this description):
 * every transition's current status, check and severity as columns, and an index that covers what a period
 * report reads of a transition, so a report over a quarter reads an index instead of every body. Written in
 * Java so that both dialects derive the columns from the bodies with the same code that writes them
 * ({@link Bodies}); a body that cannot be read keeps null columns, which {@code verify --history} then reports.
 */
final class V3__TransitionStatus extends BaseJavaMigration {
    private static final int BATCH = 5_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE records ADD COLUMN status VARCHAR(16)");
            s.execute("ALTER TABLE records ADD COLUMN chk TEXT");
            s.execute("ALTER TABLE records ADD COLUMN severity VARCHAR(16)");
        }
        long after = 0;
        while (true) {
            List<Object[]> rows = new ArrayList<>(BATCH);
            try (PreparedStatement s = c.prepareStatement("SELECT seq, body FROM records WHERE kind = ? AND seq > ?"
                    + " ORDER BY seq LIMIT " + BATCH)) {
                s.setString(1, RecordKind.TRANSITION.label());
                s.setLong(2, after);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2)});
                    }
                }
            }
            if (rows.isEmpty()) {
                break;
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE records SET status = ?, chk = ?, severity = ? WHERE seq = ?")) {
                for (Object[] r : rows) {
                    Row derived = derive((String) r[1]);
                    if (derived != null) {
                        u.setString(1, derived.status());
                        u.setString(2, derived.check());
                        u.setString(3, derived.severity());
                        u.setLong(4, (Long) r[0]);
                        u.addBatch();
                    }
                }
                u.executeBatch();
            }
            after = (Long) rows.get(rows.size() - 1)[0];
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX records_changes ON records (kind, seq, at_ns, rule, account, region, tbl, status, chk,"
                    + " severity, hash)");
        }
    }

    private static Row derive(String body) {
        try {
            return Bodies.rederive(RecordKind.TRANSITION, body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
