package io.backupsentinel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills columns a migration adds from the hashed bodies, with the same code that derives them on write
 * ({@link Bodies#rederive}), a batch of records at a time. A body that cannot be read keeps null columns,
 * which {@code verify --history} then reports.
 */
final class ColumnBackfill {
    private static final int BATCH = 5_000;

    private ColumnBackfill() {
    }

    /** The values of the added columns for a derived row, in the order of the update's placeholders. */
    interface Columns {
        Object[] of(Row derived);
    }

    /**
     * Adds the columns {@code definitions} ({@code "name TYPE"}, in the order of {@code values}) to the records
     * and fills them for every record of {@code kind} from its body.
     */
    static void add(Connection c, RecordKind kind, List<String> definitions, Columns values) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String definition : definitions) {
                s.execute("ALTER TABLE records ADD COLUMN " + definition);
            }
        }
        fill(c, kind, definitions.stream().map(d -> d.substring(0, d.indexOf(' '))).toList(), values);
    }

    /**
     * Sets {@code columns} (names, in order) of every record of {@code kind} to what {@code values} derives from
     * its body.
     */
    private static void fill(Connection c, RecordKind kind, List<String> columns, Columns values) throws SQLException {
        String update = "UPDATE records SET " + String.join(" = ?, ", columns) + " = ? WHERE seq = ?";
        long after = 0;
        while (true) {
            List<Object[]> rows = new ArrayList<>(BATCH);
            try (PreparedStatement s = c.prepareStatement("SELECT seq, body FROM records WHERE kind = ? AND seq > ?"
                    + " ORDER BY seq LIMIT " + BATCH)) {
                s.setString(1, kind.label());
                s.setLong(2, after);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2)});
                    }
                }
            }
            if (rows.isEmpty()) {
                return;
            }
            try (PreparedStatement u = c.prepareStatement(update)) {
                for (Object[] r : rows) {
                    Row derived = derive(kind, (String) r[1]);
                    if (derived != null) {
                        Object[] v = values.of(derived);
                        for (int i = 0; i < v.length; i++) {
                            u.setObject(i + 1, v[i]);
                        }
                        u.setLong(v.length + 1, (Long) r[0]);
                        u.addBatch();
                    }
                }
                u.executeBatch();
            }
            after = (Long) rows.get(rows.size() - 1)[0];
        }
    }

    private static Row derive(RecordKind kind, String body) {
        try {
            return Bodies.rederive(kind, body);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
