package io.backupsentinel.store;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema version 4: every posture change's aspect as a column, and an index by aspect and table. A report
 * needs each table's latest tags and storage before its end and the period's other changes; the daemon
 * records storage daily per table, so without the index a report over a fleet read (and parsed) every daily
 * storage record since the history began.
 */
final class V4__PostureAspect extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        ColumnBackfill.add(c, RecordKind.POSTURE, List.of("aspect VARCHAR(32)"), r -> new Object[] {r.aspect()});
        try (Statement s = c.createStatement()) {
            // Only posture changes have an aspect, so the index needs no kind (and queries name none: with one,
            // SQLite would rather walk the index by kind and instant through every daily storage record).
            s.execute("CREATE INDEX records_posture ON records (aspect, account, region, tbl, seq, at_ns)");
        }
    }
}
