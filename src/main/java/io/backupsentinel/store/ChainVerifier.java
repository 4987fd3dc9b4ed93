package io.backupsentinel.store;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Walks the whole hash chain and returns its head, or the first broken record: a record whose content no
 * longer matches its hash or whose query columns disagree with its hashed body (altered), whose link does
 * not match the record before it (link broken), or a sequence number that is absent (missing, also at the
 * end: the head row remembers the last one). A chain that starts after 1 must start right after the pruned
 * head of its latest checkpoint, and the findings that checkpoint re-states must match its digest.
 *
 * <p>A hash chain shows that records were not changed <em>since</em> a head was known: someone able to
 * rewrite every record after a change could recompute the chain. Compare the head with one recorded
 * elsewhere (a report's manifest, a ticket) to close that gap.
 */
public final class ChainVerifier {
    private final Database db;

    ChainVerifier(Database db) {
        this.db = db;
    }

    public ChainReport verify() {
        return db.read("verify the history", c -> {
            ChainReport.Break corrupt = physicalDamage(c);
            if (corrupt != null) {
                return new ChainReport(0, new ChainHead(0, Canonical.GENESIS), corrupt);
            }
            boolean cursor = db.dialect() == Dialect.POSTGRESQL;
            if (cursor) {
                c.setAutoCommit(false);
            }
            try {
                return walk(c);
            } finally {
                if (cursor) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
        });
    }

    private ChainReport walk(Connection c) throws SQLException {
        Optional<Stored<Checkpoint>> checkpoint = HistoryQueries.latestCheckpoint(c);
        ChainHead headRow = headRow(c);
        long expected = 1;
        String prev = Canonical.GENESIS;
        Long first = firstSeq(c);
        if (first != null && first > 1) {
            if (checkpoint.isEmpty() || checkpoint.get().record().prunedSeq() != first - 1) {
                return new ChainReport(0, new ChainHead(0, Canonical.GENESIS), new ChainReport.Break(first - 1, "?",
                        ChainReport.Problem.MISSING, "records 1 to " + (first - 1) + " are missing and no checkpoint"
                        + " accounts for them"));
            }
            expected = first;
            prev = checkpoint.get().record().prunedHash();
        }
        long count = 0;
        ChainHead good = new ChainHead(expected - 1, prev);
        try (PreparedStatement s = c.prepareStatement("SELECT seq, kind, at_ns, rule, account, region, tbl, body,"
                + " prev_hash, hash, status, chk, severity, aspect, " + String.join(", ", Row.WORDS_COLUMNS)
                + " FROM records ORDER BY seq")) {
            s.setFetchSize(1000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(1);
                    String kind = rs.getString(2);
                    if (seq != expected) {
                        return new ChainReport(count, good, missing(expected, seq - 1));
                    }
                    ChainReport.Break broken = check(seq, kind, rs, prev);
                    if (broken != null) {
                        return new ChainReport(count, good, broken);
                    }
                    prev = rs.getString(10);
                    good = new ChainHead(seq, prev);
                    count++;
                    expected++;
                }
            }
        }
        if (headRow.seq() > good.seq()) {
            return new ChainReport(count, good, missing(good.seq() + 1, headRow.seq()));
        }
        if (headRow.seq() != good.seq() || !headRow.hash().equals(good.hash())) {
            return new ChainReport(count, good, new ChainReport.Break(headRow.seq(), "head", ChainReport.Problem.ALTERED,
                    "the head row says " + headRow + " but the last record is " + good));
        }
        if (checkpoint.isPresent()) {
            ChainReport.Break restated = checkRestated(c, checkpoint.get());
            if (restated != null) {
                return new ChainReport(count, good, restated);
            }
        }
        return new ChainReport(count, good, null);
    }

    private static ChainReport.Break check(long seq, String kind, ResultSet rs, String prev) throws SQLException {
        String body = rs.getString(8);
        String linked = rs.getString(9);
        String hash = rs.getString(10);
        if (!Canonical.hash(seq, kind, linked, body).equals(hash)) {
            return new ChainReport.Break(seq, kind, ChainReport.Problem.ALTERED, "its content does not match its hash " + hash);
        }
        if (!linked.equals(prev)) {
            return new ChainReport.Break(seq, kind, ChainReport.Problem.LINK_BROKEN,
                    "it links to " + linked + " but the record before it has hash " + prev);
        }
        Row derived;
        try {
            derived = Bodies.rederive(RecordKind.of(kind), body);
        } catch (RuntimeException e) {
            return new ChainReport.Break(seq, kind, ChainReport.Problem.ALTERED, "its body cannot be read: " + e.getMessage());
        }
        String column = differingColumn(derived, rs);
        if (column != null) {
            return new ChainReport.Break(seq, kind, ChainReport.Problem.ALTERED,
                    "its column " + column + " disagrees with its hashed body");
        }
        return null;
    }

    private static String differingColumn(Row derived, ResultSet rs) throws SQLException {
        if (derived.atNanos() != rs.getLong(3)) {
            return "at_ns";
        }
        String[] names = {"rule", "account", "region", "tbl"};
        String[] values = {derived.rule(), derived.account(), derived.region(), derived.table()};
        for (int i = 0; i < names.length; i++) {
            if (!Objects.equals(values[i], rs.getString(4 + i))) {
                return names[i];
            }
        }
        String[] readNames = {"status", "chk", "severity", "aspect"};
        String[] readValues = {derived.status(), derived.check(), derived.severity(), derived.aspect()};
        for (int i = 0; i < readNames.length; i++) {
            if (!Objects.equals(readValues[i], rs.getString(11 + i))) {
                return readNames[i];
            }
        }
        Object[] words = derived.wordsColumns();
        for (int i = 0; i < 3; i++) {
            if (!Objects.equals(words[i], rs.getString(15 + i))) {
                return Row.WORDS_COLUMNS.get(i);
            }
        }
        long evaluated = rs.getLong(18);
        if (!Objects.equals(words[3], rs.wasNull() ? null : evaluated)) {
            return Row.WORDS_COLUMNS.get(3);
        }
        return null;
    }

    private static ChainReport.Break checkRestated(Connection c, Stored<Checkpoint> cp) throws SQLException {
        Map<FindingKey, Finding> open = HistoryQueries.restated(c, cp.seq());
        OpenSet set = new OpenSet(open);
        if (set.size() != cp.record().openCount() || !set.digest().equals(cp.record().openDigest())) {
            return new ChainReport.Break(cp.seq(), RecordKind.CHECKPOINT.label(), ChainReport.Problem.ALTERED,
                    "the " + set.size() + " open findings it re-states do not match its digest (it names "
                            + cp.record().openCount() + ")");
        }
        return null;
    }

    private static ChainReport.Break missing(long from, long to) {
        String which = from == to ? "record " + from + " is" : "records " + from + " to " + to + " are";
        return new ChainReport.Break(from, "?", ChainReport.Problem.MISSING, which + " missing");
    }

    /** SQLite's own check of the file's pages and indexes; PostgreSQL checks its pages itself. */
    private ChainReport.Break physicalDamage(Connection c) throws SQLException {
        if (db.dialect() != Dialect.SQLITE) {
            return null;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            String first = rs.next() ? rs.getString(1) : "no answer";
            return "ok".equals(first) ? null
                    : new ChainReport.Break(0, "?", ChainReport.Problem.CORRUPT, "SQLite quick_check: " + first);
        }
    }

    private static ChainHead headRow(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT seq, hash FROM chain_head WHERE id = 1")) {
            return rs.next() ? new ChainHead(rs.getLong(1), rs.getString(2)) : new ChainHead(0, Canonical.GENESIS);
        }
    }

    private static Long firstSeq(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MIN(seq) FROM records")) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }
    }
}
