package io.backupsentinel.store;

import java.util.List;

/**
 * One record as the {@code records} table holds it, before it has a place in the chain: its kind, canonical
 * body, and the columns derived from the body that queries filter on ({@code at_ns}, rule, account, region,
 * table) or read instead of the body: a transition's current {@code status}, {@code chk} and {@code severity}
 * and what a report quotes of its current finding, its {@code words} (all null for a closed finding and for other
 * kinds), and a posture change's {@code aspect} (null for other kinds). The derived columns are not hashed
 * themselves; {@link ChainVerifier} re-derives them from the hashed body, so editing one is caught too.
 */
record Row(RecordKind kind, long atNanos, String rule, String account, String region, String table, String body,
           String status, String check, String severity, String aspect, FindingChange.Words words) {
    /** The columns of {@link #words}, in the order of {@link #wordsColumns}. */
    static final List<String> WORDS_COLUMNS = List.of("observed", "expected", "message", "evaluated_ns");

    /** A row of a kind with neither status, aspect nor words columns. */
    Row(RecordKind kind, long atNanos, String rule, String account, String region, String table, String body) {
        this(kind, atNanos, rule, account, region, table, body, null, null, null, null, null);
    }

    /** The values of {@link #WORDS_COLUMNS}: all null without words. */
    Object[] wordsColumns() {
        return words == null ? new Object[4] : new Object[] {words.observed(), words.expected(), words.message(),
                words.evaluatedAt() == null ? null : Bodies.nanos(words.evaluatedAt())};
    }
}
