package io.backupsentinel.store;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema version 3 (the class name is Flyway's convention for a Java migration: version 3, this description):
 * every transition's current status, check and severity as columns, and an index that covers what a period
 * report reads of a transition, so a report over a quarter reads an index instead of every body. Written in
 * Java so that both dialects derive the columns from the bodies with the same code that writes them.
 */
final class V3__TransitionStatus extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        ColumnBackfill.add(c, RecordKind.TRANSITION, List.of("status VARCHAR(16)", "chk TEXT", "severity VARCHAR(16)"),
                r -> new Object[] {r.status(), r.check(), r.severity()});
        try (Statement s = c.createStatement()) {
            s.execute("CREATE INDEX records_changes ON records (kind, seq, at_ns, rule, account, region, tbl, status, chk,"
                    + " severity, hash)");
        }
    }
}
