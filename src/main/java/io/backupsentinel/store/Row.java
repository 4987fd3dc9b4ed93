package io.backupsentinel.store;

/**
 * One record as the {@code records} table holds it, before it has a place in the chain: its kind, canonical
 * body, and the columns derived from the body that queries filter on ({@code at_ns}, rule, account, region,
 * table). The derived columns are not hashed themselves; {@link ChainVerifier} re-derives them from the
 * hashed body, so editing one is caught too.
 */
record Row(RecordKind kind, long atNanos, String rule, String account, String region, String table, String body) {
}
