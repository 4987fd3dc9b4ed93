package io.backupsentinel.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends rows to the one hash chain inside the caller's transaction: locks the head row (so concurrent
 * writers, even in other daemons, queue instead of forking the chain), gives each row the next sequence
 * number, links it to the previous hash and moves the head.
 */
final class ChainWriter {
    private static final String INSERT = "INSERT INTO records (seq, kind, at_ns, rule, account, region, tbl, body,"
            + " prev_hash, hash, status, chk, severity, aspect, " + String.join(", ", Row.WORDS_COLUMNS)
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private ChainWriter() {
    }

    static ChainHead lockHead(Connection c, Dialect dialect) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(dialect.lockHead); ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("the chain_head row is missing");
            }
            return new ChainHead(rs.getLong(1), rs.getString(2));
        }
    }

    /** Appends {@code rows} in order after {@code head}; returns each row's place and hash. */
    static List<ChainHead> append(Connection c, ChainHead head, List<Row> rows) throws SQLException {
        List<ChainHead> links = new ArrayList<>(rows.size());
        long seq = head.seq();
        String prev = head.hash();
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            for (Row row : rows) {
                seq++;
                String hash = Canonical.hash(seq, row.kind().label(), prev, row.body());
                s.setLong(1, seq);
                s.setString(2, row.kind().label());
                s.setLong(3, row.atNanos());
                s.setString(4, row.rule());
                s.setString(5, row.account());
                s.setString(6, row.region());
                s.setString(7, row.table());
                s.setString(8, row.body());
                s.setString(9, prev);
                s.setString(10, hash);
                s.setString(11, row.status());
                s.setString(12, row.check());
                s.setString(13, row.severity());
                s.setString(14, row.aspect());
                Object[] words = row.wordsColumns();
                for (int i = 0; i < 3; i++) {
                    s.setString(15 + i, (String) words[i]);
                }
                if (words[3] == null) {
                    s.setNull(18, Types.BIGINT);
                } else {
                    s.setLong(18, (Long) words[3]);
                }
                s.addBatch();
                links.add(new ChainHead(seq, hash));
                prev = hash;
            }
            s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE chain_head SET seq = ?, hash = ? WHERE id = 1")) {
            s.setLong(1, seq);
            s.setString(2, prev);
            s.executeUpdate();
        }
        return links;
    }
}
