package io.backupsentinel.store;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Schema version 5: what a report quotes from a transition's current finding (observed, expected, message and
 * when it was evaluated) as columns. A period report quotes them for every violation it lists; read from the body
 * by the database's JSON functions, each quote was a visit to a row of about a kilobyte somewhere in a file of
 * gigabytes.
 *
 * <p>On SQLite the change index ({@code records_changes}) now covers them too, so a report reads the period from
 * the index alone. PostgreSQL keeps the index as it was: a B-tree entry there must fit in a third of a page, and a
 * finding's message has no such bound; it reads the columns from the row.
 */
final class V5__TransitionWords extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        // In the order of Row.WORDS_COLUMNS.
        ColumnBackfill.add(c, RecordKind.TRANSITION, List.of("observed TEXT", "expected TEXT", "message TEXT",
                "evaluated_ns BIGINT"), Row::wordsColumns);
        if (Dialect.of(c) == Dialect.SQLITE) {
            try (Statement s = c.createStatement()) {
                s.execute("DROP INDEX records_changes");
                s.execute("CREATE INDEX records_changes ON records (kind, seq, at_ns, rule, account, region, tbl, status, chk,"
                        + " severity, hash, observed, expected, message, evaluated_ns)");
            }
        }
    }
}
