package io.backupsentinel.store;

/**
 * One record as the {@code records} table holds it, before it has a place in the chain: its kind, canonical
 * body, and the columns derived from the body that queries filter on ({@code at_ns}, rule, account, region,
 * table) or read instead of the body (a transition's current {@code status}, {@code chk} and {@code severity},
 * null for a closed finding and for other kinds; a posture change's {@code aspect}, null for other kinds). The derived columns are not hashed themselves;
 * {@link ChainVerifier} re-derives them from the hashed body, so editing one is caught too.
 */
record Row(RecordKind kind, long atNanos, String rule, String account, String region, String table, String body,
           String status, String check, String severity, String aspect) {

    /** A row of a kind with neither status nor aspect columns. */
    Row(RecordKind kind, long atNanos, String rule, String account, String region, String table, String body) {
        this(kind, atNanos, rule, account, region, table, body, null, null, null, null);
    }
}
