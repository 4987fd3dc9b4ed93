package io.backupsentinel.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupsentinel.model.AuditRun;
import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.PostureChange;
import io.backupsentinel.model.Severity;
import io.backupsentinel.model.Status;
import io.backupsentinel.model.TableRef;
import io.backupsentinel.model.Transition;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the status page and the period reports read from the history. Periods are half-open,
 * {@code [from, to)}, on each record's own instant (a transition's {@code at}, a posture change's
 * {@code at}, a run's {@code startedAt}). Every record comes with its sequence number and hash, so a report
 * can cite it and anyone can check it against {@code verify --history}.
 */
public final class HistoryQueries {
    private final Database db;

    HistoryQueries(Database db) {
        this.db = db;
    }

    /** Transitions in the period, in chain order, streamed to {@code sink} (a quarter of a large fleet is big). */
    public void forEachTransition(Instant from, Instant to, Filter filter, Consumer<Stored<Transition>> sink) {
        scan(RecordKind.TRANSITION, from, to, filter, true, Bodies::transitionOf, sink);
    }

    public List<Stored<Transition>> transitions(Instant from, Instant to, Filter filter) {
        List<Stored<Transition>> out = new ArrayList<>();
        forEachTransition(from, to, filter, out::add);
        return out;
    }

    public List<Stored<PostureChange>> postureChanges(Instant from, Instant to, Filter filter) {
        List<Stored<PostureChange>> out = new ArrayList<>();
        forEachPostureChange(from, to, filter, out::add);
        return out;
    }

    /** Posture changes in the period, in chain order, streamed to {@code sink}. */
    public void forEachPostureChange(Instant from, Instant to, Filter filter, Consumer<Stored<PostureChange>> sink) {
        scan(RecordKind.POSTURE, from, to, filter, false, Bodies::postureOf, sink);
    }

    /**
     * Posture changes in the period of one of {@code aspects}, in chain order, streamed to {@code sink}; read
     * through the index by aspect, so the daily storage records of a fleet are not read when not asked for.
     */
    public void forEachPostureChange(Instant from, Instant to, Set<PostureChange.Aspect> aspects,
                                     Consumer<Stored<PostureChange>> sink) {
        if (aspects.isEmpty()) {
            return;
        }
        db.read("read the history", c -> {
            // Only posture changes have an aspect (see V4__PostureAspect for why the kind is not named).
            List<Object> params = new ArrayList<>();
            aspects.stream().map(Enum::name).sorted().forEach(params::add);
            params.addAll(List.of(Bodies.nanos(from), Bodies.nanos(to)));
            streamRows(c, "SELECT " + postureColumns() + " FROM records WHERE aspect IN ("
                    + String.join(", ", Collections.nCopies(aspects.size(), "?")) + ") AND at_ns >= ? AND at_ns < ?"
                    + " ORDER BY seq", params, rs -> sink.accept(posture(rs)));
            return null;
        });
    }

    /**
     * Each table's last posture change of {@code aspect} before {@code to} (by sequence), in chain order: its
     * tags or storage as last recorded then. One pass over the index by aspect and table, and one body per table.
     */
    public List<Stored<PostureChange>> latestPostureBefore(Instant to, PostureChange.Aspect aspect) {
        return latestPosture(Bodies.nanos(to), aspect);
    }

    List<Stored<PostureChange>> latestPosture(long beforeNanos, PostureChange.Aspect aspect) {
        return db.read("read the history", c -> {
            List<Stored<PostureChange>> out = new ArrayList<>();
            streamRows(c, "SELECT " + postureColumns() + " FROM records WHERE seq IN (SELECT MAX(seq) FROM records"
                    + " WHERE aspect = ? AND at_ns < ? GROUP BY account, region, tbl) ORDER BY seq",
                    List.of(aspect.name(), beforeNanos), rs -> out.add(posture(rs)));
            return out;
        });
    }

    /**
     * What {@link #posture} reads of a posture change: the columns, and from the body (by the database's JSON
     * functions, so the body itself is not carried over) the table's ARN and the before and after values.
     */
    private String postureColumns() {
        Dialect d = db.dialect();
        return "seq, hash, account, region, tbl, aspect, at_ns, " + d.bodyText("table", "arn") + ", " + d.bodyText("before")
                + ", " + d.bodyText("after");
    }

    private static Stored<PostureChange> posture(ResultSet rs) throws SQLException {
        return new Stored<>(rs.getLong(1), rs.getString(2), new PostureChange(new TableRef(rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(8)), PostureChange.Aspect.valueOf(rs.getString(6)),
                rs.getString(9), rs.getString(10), Times.instant(rs.getLong(7))));
    }

    /**
     * The earliest instant the history can answer for: the retention cut of the latest checkpoint if it was
     * pruned, else the instant of its first transition, posture change or run; empty when it holds none.
     */
    public Optional<Instant> firstInstant() {
        return db.read("read the start of the history", c -> {
            Optional<Stored<Checkpoint>> cp = latestCheckpoint(c);
            if (cp.isPresent()) {
                return Optional.of(cp.get().record().before());
            }
            try (PreparedStatement s = c.prepareStatement("SELECT MIN(at_ns) FROM records WHERE kind IN (?, ?, ?)")) {
                s.setString(1, RecordKind.TRANSITION.label());
                s.setString(2, RecordKind.POSTURE.label());
                s.setString(3, RecordKind.RUN.label());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    long ns = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(Times.instant(ns));
                }
            }
        });
    }

    /**
     * The last transition or posture change (by sequence) observed before {@code to}, with its instant: what
     * a period report up to {@code to} cites as the chain head it was built from. Empty when there is none.
     */
    public Optional<Stored<Instant>> lastFindingRecordBefore(Instant to) {
        return db.read("read the last record before an instant", c -> {
            // One kind at a time: each is a backward walk of the covering index that stops at the first match,
            // where "kind IN (...)" would sort every earlier record.
            Stored<Instant> last = null;
            for (RecordKind kind : List.of(RecordKind.TRANSITION, RecordKind.POSTURE)) {
                try (PreparedStatement s = c.prepareStatement("SELECT seq, hash, at_ns FROM records WHERE kind = ?"
                        + " AND at_ns < ? ORDER BY seq DESC LIMIT 1")) {
                    s.setString(1, kind.label());
                    s.setLong(2, Bodies.nanos(to));
                    try (ResultSet rs = s.executeQuery()) {
                        if (rs.next() && (last == null || rs.getLong(1) > last.seq())) {
                            last = new Stored<>(rs.getLong(1), rs.getString(2), Times.instant(rs.getLong(3)));
                        }
                    }
                }
            }
            return Optional.ofNullable(last);
        });
    }

    public List<Stored<AuditRun>> runs(Instant from, Instant to) {
        List<Stored<AuditRun>> out = new ArrayList<>();
        scan(RecordKind.RUN, from, to, Filter.ALL, false, Bodies::runOf, out::add);
        return out;
    }

    /**
     * One table's newest transitions (every rule), newest first, at most {@code limit}: its compliance timeline
     * on the status page. Served by the index on (tbl, account, region, kind, seq).
     */
    public List<Stored<Transition>> latestTransitions(String account, String region, String table, int limit) {
        return latest(RecordKind.TRANSITION, account, region, table, limit, Bodies::transitionOf);
    }

    /** One table's newest posture changes, newest first, at most {@code limit}. */
    public List<Stored<PostureChange>> latestPostureChanges(String account, String region, String table, int limit) {
        return latest(RecordKind.POSTURE, account, region, table, limit, Bodies::postureOf);
    }

    private <T> List<Stored<T>> latest(RecordKind kind, String account, String region, String table, int limit,
                                       Function<JsonNode, T> decode) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        return db.read("read a table's history", c -> {
            List<Stored<T>> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT seq, hash, body FROM records WHERE tbl = ?"
                    + " AND account = ? AND region = ? AND kind = ? ORDER BY seq DESC LIMIT ?")) {
                s.setString(1, table);
                s.setString(2, account);
                s.setString(3, region);
                s.setString(4, kind.label());
                s.setInt(5, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Stored<>(rs.getLong(1), rs.getString(2), decode.apply(Canonical.parse(rs.getString(3)))));
                    }
                }
            }
            return out;
        });
    }

    /** The head of the chain: the last record's sequence number and hash. */
    public ChainHead head() {
        return db.read("read the chain head", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM chain_head WHERE id = 1");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return new ChainHead(rs.getLong(1), rs.getString(2));
            }
        });
    }

    /** The latest checkpoint, if the history was ever pruned. */
    public Optional<Stored<Checkpoint>> latestCheckpoint() {
        return db.read("read the latest checkpoint", HistoryQueries::latestCheckpoint);
    }

    /**
     * The findings open at {@code at}: the state at the start of a period. Built from the latest checkpoint's
     * re-stated set and the transitions after it; an instant before the retention cut cannot be answered.
     */
    public Map<FindingKey, Finding> openAt(Instant at) {
        // The evidence-carrying rebuild, without the evidence: one replay of the chain for both.
        Map<FindingKey, Finding> open = new HashMap<>();
        openRecordsAt(at).forEach((k, stored) -> open.put(k, stored.record()));
        return new OpenSet(open).asMap();
    }

    /**
     * Like {@link #openAt}, with each finding's evidence: the transition that set it, or for a finding the
     * latest checkpoint re-states, that checkpoint record.
     */
    public Map<FindingKey, Stored<Finding>> openRecordsAt(Instant at) {
        return db.read("rebuild the open findings", c -> {
            Optional<Stored<Checkpoint>> cp = checkpointBefore(c, at);
            Map<FindingKey, Stored<Finding>> open = new HashMap<>();
            cp.ifPresent(p -> {
                try {
                    restated(c, p.seq()).forEach((k, f) -> open.put(k, new Stored<>(p.seq(), p.hash(), f)));
                } catch (SQLException e) {
                    throw new StoreException("cannot read the checkpoint's open findings: " + e.getMessage(), e, false);
                }
            });
            long after = cp.map(s -> s.record().prunedSeq()).orElse(0L);
            try (PreparedStatement s = c.prepareStatement("SELECT seq, hash, body FROM records WHERE kind = ? AND seq > ?"
                    + " AND at_ns < ? ORDER BY seq")) {
                s.setString(1, RecordKind.TRANSITION.label());
                s.setLong(2, after);
                s.setLong(3, Bodies.nanos(at));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Transition t = Bodies.transitionOf(Canonical.parse(rs.getString(3)));
                        if (t.current() == null) {
                            open.remove(t.key());
                        } else {
                            open.put(t.key(), new Stored<>(rs.getLong(1), rs.getString(2), t.current()));
                        }
                    }
                }
            }
            return open;
        });
    }

    /**
     * One part of a period read by table ({@link #replayByTable}): it is given the findings open at the period's
     * start among its tables, then every change of its tables in the period, in chain order, on one thread.
     */
    public interface PeriodPart extends Consumer<Stored<FindingChange>> {
        void start(Map<FindingKey, Stored<FindingChange>> open);
    }

    /**
     * A period of the history split by table into {@code parts} parts, each replayed on a connection and thread of
     * its own into a part made by {@code sinks}: the findings open at {@code from} among its tables (as
     * {@link #openChangesAt} answers them), then the transitions in {@code [from, to)} of its tables matching
     * {@code filter}, in chain order, as {@link FindingChange}s read from the covering index
     * ({@code records_changes}), with words only where {@code detail} asks. A part holds every record of its tables
     * and no other, so it keeps per-table state without locks, and the parts are judged at once as they are read.
     *
     * <p>The tables are cut at the names that split the currently open findings into equal parts; which part a table
     * falls in is the database's comparison of names (its collation), so the parts are disjoint and cover every
     * table whatever the cuts. Rows appended meanwhile have higher sequence numbers than the period's and are
     * not read.
     *
     * @return the parts, in order, after each was given all of its records
     */
    public <S extends PeriodPart> List<S> replayByTable(Instant from, Instant to, Filter filter,
            FindingChange.Detail detail, int parts, Supplier<S> sinks) {
        record Plan(List<String> cuts, Optional<Stored<Checkpoint>> checkpoint, long[] range) {
        }
        Plan plan = db.read("read the history", c -> new Plan(tableCuts(c, parts), checkpointBefore(c, from),
                periodRange(c, from, to, filter)));
        List<String> cuts = plan.cuts();
        ExecutorService readers = Executors.newFixedThreadPool(cuts.size() + 1, r -> {
            Thread t = new Thread(r, "history-reader");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<S>> reads = new ArrayList<>();
            for (int i = 0; i <= cuts.size(); i++) {
                String low = i == 0 ? null : cuts.get(i - 1);
                String high = i == cuts.size() ? null : cuts.get(i);
                S part = sinks.get();
                reads.add(readers.submit(() -> db.read("read the history", c -> {
                    part.start(openChanges(c, plan.checkpoint(), from, detail, low, high));
                    if (plan.range()[1] >= plan.range()[0]) {
                        readPart(c, from, to, filter, detail, plan.range(), low, high, part);
                    }
                    return part;
                })));
            }
            List<S> out = new ArrayList<>();
            for (Future<S> read : reads) {
                out.add(await(read));
            }
            return out;
        } finally {
            readers.shutdownNow();
        }
    }

    /** The names that cut the tables of the open findings into {@code parts} parts of about the same size. */
    private static List<String> tableCuts(Connection c, int parts) throws SQLException {
        long count;
        try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM open_findings"); ResultSet rs = s.executeQuery()) {
            rs.next();
            count = rs.getLong(1);
        }
        List<String> cuts = new ArrayList<>();
        for (int i = 1; i < parts && count >= parts; i++) {
            try (PreparedStatement s = c.prepareStatement("SELECT tbl FROM open_findings ORDER BY tbl LIMIT 1 OFFSET ?")) {
                s.setLong(1, count * i / parts);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next() && (cuts.isEmpty() || !cuts.get(cuts.size() - 1).equals(rs.getString(1)))) {
                        cuts.add(rs.getString(1));
                    }
                }
            }
        }
        return cuts;
    }

    /**
     * The first and the last sequence number of the period's transitions ({@code {0, -1}}: none), each a walk of
     * the covering index by sequence that stops at its first match. "+at_ns" (and "tbl || ''" elsewhere) keep
     * SQLite off the other indexes, which do not cover these queries: the sequence range is what makes it pick
     * the covering one. Both dialects read them.
     */
    private long[] periodRange(Connection c, Instant from, Instant to, Filter filter) throws SQLException {
        long[] out = {0, -1};
        for (String order : List.of("", " DESC")) {
            List<Object> params = new ArrayList<>(List.of(RecordKind.TRANSITION.label(), Bodies.nanos(from), Bodies.nanos(to)));
            streamRows(c, "SELECT seq FROM records WHERE kind = ? AND +at_ns >= ? AND +at_ns < ?"
                    + filter.sql(params, true) + " ORDER BY seq" + order + " LIMIT 1", params,
                    rs -> out[order.isEmpty() ? 0 : 1] = rs.getLong(1));
        }
        return out;
    }

    /** The condition and parameters that keep a query to the tables from {@code low} (inclusive) to {@code high}. */
    private static String tableBounds(String low, String high, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        Filter.and(sql, params, " AND tbl || '' >= ?", low);
        Filter.and(sql, params, " AND tbl || '' < ?", high);
        return sql.toString();
    }

    /** The period's changes of the tables from {@code low} (inclusive) to {@code high}, null: open. */
    private void readPart(Connection c, Instant from, Instant to, Filter filter, FindingChange.Detail detail,
                          long[] range, String low, String high, Consumer<Stored<FindingChange>> sink) throws SQLException {
        List<Object> params = new ArrayList<>();
        String words = wordsSql(detail, params);
        params.addAll(List.of(RecordKind.TRANSITION.label(), Bodies.nanos(from), Bodies.nanos(to), range[0], range[1]));
        String sql = "SELECT " + CHANGE_COLUMNS + ", " + words + " FROM records WHERE kind = ?"
                + " AND +at_ns >= ? AND +at_ns < ? AND seq >= ? AND seq <= ?" + tableBounds(low, high, params)
                + filter.sql(params, true) + " ORDER BY seq";
        Names names = new Names();
        streamRows(c, sql, params, rs -> sink.accept(change(c, rs, detail, names)));
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while reading the history");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new StoreException("cannot read the history: " + e.getCause(), e.getCause(), false);
        }
    }

    /**
     * The findings open at {@code at} as {@link FindingChange}s (what {@link #openRecordsAt} answers, lighter):
     * replayed from the index, then the bodies read only of the open findings {@code detail} asks for.
     */
    public Map<FindingKey, Stored<FindingChange>> openChangesAt(Instant at, FindingChange.Detail detail) {
        return db.read("rebuild the open findings", c -> openChanges(c, checkpointBefore(c, at), at, detail, null, null));
    }

    /** {@link #openChangesAt} for the tables from {@code low} (inclusive) to {@code high}, null: open. */
    private Map<FindingKey, Stored<FindingChange>> openChanges(Connection c, Optional<Stored<Checkpoint>> cp, Instant at,
            FindingChange.Detail detail, String low, String high) throws SQLException {
        Map<FindingKey, Stored<FindingChange>> open = new HashMap<>();
        if (cp.isPresent()) {
            Stored<Checkpoint> p = cp.get();
            restated(c, p.seq(), low, high).forEach((k, f) -> open.put(k, new Stored<>(p.seq(), p.hash(),
                    new FindingChange(k, f.evaluatedAt(), f.status(), f.check(), f.severity(), FindingChange.Words.of(f)))));
        }
        long after = cp.map(s -> s.record().prunedSeq()).orElse(0L);
        // The words come from the columns (schema version 5; on SQLite, from the index the replay walks anyway).
        List<Object> params = new ArrayList<>();
        String words = wordsSql(detail, params);
        params.addAll(List.of(RecordKind.TRANSITION.label(), after, Bodies.nanos(at)));
        Names names = new Names();
        streamRows(c, "SELECT " + CHANGE_COLUMNS + ", " + words + " FROM records WHERE kind = ? AND seq > ? AND +at_ns < ?"
                + tableBounds(low, high, params) + " ORDER BY seq", params, rs -> {
                    Stored<FindingChange> s = change(c, rs, detail, names);
                    if (s.record().status() == null) {
                        open.remove(s.record().key());
                    } else {
                        open.put(s.record().key(), s);
                    }
                });
        return open;
    }

    /**
     * The words' columns of a change query where {@code detail} wants them, else NULL, so that no other change's
     * words cross to Java (on SQLite the whole query is answered from the covering index).
     */
    private String wordsSql(FindingChange.Detail detail, List<Object> params) {
        List<String> or = new ArrayList<>();
        List<Object> p = new ArrayList<>();
        if (!detail.statuses().isEmpty()) {
            or.add("status IN (" + String.join(", ", Collections.nCopies(detail.statuses().size(), "?")) + ")");
            detail.statuses().stream().map(Enum::name).sorted().forEach(p::add);
        }
        if (!detail.checks().isEmpty()) {
            or.add("(status IS NOT NULL AND chk IN (" + String.join(", ",
                    Collections.nCopies(detail.checks().size(), "?")) + "))");
            detail.checks().stream().sorted().forEach(p::add);
        }
        if (or.isEmpty()) {
            return String.join(", ", Collections.nCopies(Row.WORDS_COLUMNS.size(), "NULL"));
        }
        List<String> columns = new ArrayList<>();
        for (String w : Row.WORDS_COLUMNS) {
            columns.add("CASE WHEN " + String.join(" OR ", or) + " THEN " + w + " END");
            params.addAll(p);
        }
        return String.join(", ", columns);
    }

    /** The words from their columns ({@link Row#WORDS_COLUMNS}) starting at {@code first}. */
    private static FindingChange.Words words(ResultSet rs, int first) throws SQLException {
        long evaluated = rs.getLong(first + 3);
        Instant at = rs.wasNull() ? null : Times.instant(evaluated);
        return new FindingChange.Words(text(rs, first), text(rs, first + 1), text(rs, first + 2), at);
    }

    /** A text column read as its UTF-8 bytes: one copy from the driver instead of three. */
    private static String text(ResultSet rs, int column) throws SQLException {
        byte[] b = rs.getBytes(column);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** What a change query selects; how {@link #change} reads it. */
    private static final String SEP = "\u001f";
    private static final String CHANGE_COLUMNS = "seq, at_ns, hash || '" + SEP + "' || rule || '" + SEP + "' || account || '"
            + SEP + "' || region || '" + SEP + "' || tbl || '" + SEP + "' || COALESCE(status, '') || '" + SEP
            + "' || COALESCE(chk, '') || '" + SEP + "' || COALESCE(severity, '')";

    /**
     * A change from {@link #CHANGE_COLUMNS}: the text columns come joined by U+001F, one value from the driver
     * instead of eight (reading a value costs more than the row itself). No name the daemon writes contains that
     * character; if one ever does, the row is read again column by column.
     */
    private static Stored<FindingChange> change(Connection c, ResultSet rs, FindingChange.Detail detail, Names names)
            throws SQLException {
        long seq = rs.getLong(1);
        long at = rs.getLong(2);
        // As bytes: the driver's string is a copy of a copy, and most of a row is names seen many times before.
        byte[] joined = rs.getBytes(3);
        if (joined == null) {
            return changeByColumns(c, seq, rs, detail);
        }
        // Eight values, so seven separators. U+001F is the single byte 0x1f in UTF-8, and no byte of a multi-byte
        // character is below 0x80.
        String[] v = new String[8];
        int from = 0;
        for (int i = 0; i < 8; i++) {
            int to = indexOf(joined, SEP_BYTE, from);
            if ((to < 0) != (i == 7)) {
                // A name holding the separator: more or fewer than eight values.
                return changeByColumns(c, seq, rs, detail);
            }
            to = to < 0 ? joined.length : to;
            // The hash and the table are new on almost every row; the others repeat a few values.
            v[i] = i == 0 || i == 4 ? new String(joined, from, to - from, StandardCharsets.UTF_8) : names.of(joined, from, to);
            from = to + 1;
        }
        Status status = v[5].isEmpty() ? null : Status.valueOf(v[5]);
        String check = v[6].isEmpty() ? null : v[6];
        return change(seq, v[0], at, new FindingKey(v[1], v[2], v[3], v[4]), status, check, v[7].isEmpty() ? null : v[7],
                detail.wants(status, check) ? words(rs, 4) : null);
    }

    private static final byte SEP_BYTE = 0x1f;

    private static int indexOf(byte[] b, byte x, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The values of the columns that repeat a few values over a quarter (rule, account, region, status, check,
     * severity), each kept once per reading thread with its UTF-8 bytes: a row then allocates no copy of them,
     * and a key made of them hashes and compares its parts at once. Past {@code 64} distinct values a value is
     * simply decoded.
     */
    private static final class Names {
        private final byte[][] bytes = new byte[64][];
        private final String[] seen = new String[64];
        private int size;

        String of(byte[] row, int from, int to) {
            for (int i = 0; i < size; i++) {
                byte[] b = bytes[i];
                if (Arrays.equals(b, 0, b.length, row, from, to)) {
                    return seen[i];
                }
            }
            String s = new String(row, from, to - from, StandardCharsets.UTF_8);
            return size < seen.length ? remember(s) : s;
        }

        private String remember(String s) {
            bytes[size] = s.getBytes(StandardCharsets.UTF_8);
            seen[size] = s;
            size++;
            return s;
        }
    }

    private static Stored<FindingChange> changeByColumns(Connection c, long seq, ResultSet row, FindingChange.Detail detail)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT hash, at_ns, rule, account, region, tbl, status, chk, severity"
                + " FROM records WHERE seq = ?")) {
            s.setLong(1, seq);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("record " + seq + " disappeared while it was read");
                }
                String status = rs.getString(7);
                String check = rs.getString(8);
                Status current = status == null ? null : Status.valueOf(status);
                return change(seq, rs.getString(1), rs.getLong(2), new FindingKey(rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)), current, check, rs.getString(9),
                        detail.wants(current, check) ? words(row, 4) : null);
            }
        }
    }

    private static Stored<FindingChange> change(long seq, String hash, long at, FindingKey key, Status status, String check,
                                                String severity, FindingChange.Words words) {
        return new Stored<>(seq, hash, new FindingChange(key, Times.instant(at), status, check,
                severity == null ? null : Severity.valueOf(severity), words));
    }

    private interface RowSink {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Streams a query's rows: PostgreSQL only streams inside a transaction with a fetch size. */
    private void streamRows(Connection c, String sql, List<Object> params, RowSink sink) throws SQLException {
        // SQLite always streams, and a transaction there would take the write lock (transactions begin IMMEDIATE).
        boolean cursor = db.dialect() == Dialect.POSTGRESQL && c.getAutoCommit();
        if (cursor) {
            c.setAutoCommit(false);
        }
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(1000);
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sink.accept(rs);
                }
            }
        } finally {
            if (cursor) {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    /** The latest checkpoint, which the state at {@code at} is replayed from; refused if {@code at} was pruned. */
    private static Optional<Stored<Checkpoint>> checkpointBefore(Connection c, Instant at) throws SQLException {
        Optional<Stored<Checkpoint>> cp = latestCheckpoint(c);
        if (cp.isPresent() && at.isBefore(cp.get().record().before())) {
            throw new StoreException("the history before " + Canonical.instant(cp.get().record().before())
                    + " was pruned (retention); cannot tell the findings open at " + Canonical.instant(at));
        }
        return cp;
    }

    static Optional<Stored<Checkpoint>> latestCheckpoint(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, hash, body FROM records WHERE kind = ?"
                + " ORDER BY seq DESC LIMIT 1")) {
            s.setString(1, RecordKind.CHECKPOINT.label());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored<>(rs.getLong(1), rs.getString(2),
                        Bodies.checkpointOf(Canonical.parse(rs.getString(3)))));
            }
        }
    }

    /** The open findings re-stated by the checkpoint at {@code checkpointSeq}. */
    static Map<FindingKey, Finding> restated(Connection c, long checkpointSeq) throws SQLException {
        return restated(c, checkpointSeq, null, null);
    }

    private static Map<FindingKey, Finding> restated(Connection c, long checkpointSeq, String low, String high)
            throws SQLException {
        Map<FindingKey, Finding> out = new HashMap<>();
        List<Object> params = new ArrayList<>(List.of(checkpointSeq));
        String bounds = tableBounds(low, high, params);
        try (PreparedStatement s = c.prepareStatement("SELECT rule, account, region, tbl, finding FROM checkpoint_open"
                + " WHERE checkpoint_seq = ?" + bounds)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(new FindingKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            Bodies.findingOf(rs.getString(5)));
                }
            }
        }
        return out;
    }

    private <T> void scan(RecordKind kind, Instant from, Instant to, Filter filter, boolean withRule,
                          Function<JsonNode, T> decode, Consumer<Stored<T>> sink) {
        db.read("read the history", c -> {
            List<Object> params = new ArrayList<>(List.of(kind.label(), Bodies.nanos(from), Bodies.nanos(to)));
            String sql = "SELECT seq, hash, body FROM records WHERE kind = ? AND at_ns >= ? AND at_ns < ?"
                    + filter.sql(params, withRule) + " ORDER BY seq";
            streamRows(c, sql, params, rs -> sink.accept(new Stored<>(rs.getLong(1), rs.getString(2),
                    decode.apply(Canonical.parse(rs.getString(3))))));
            return null;
        });
    }
}
