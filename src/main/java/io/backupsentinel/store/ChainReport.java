package io.backupsentinel.store;

/**
 * What {@link ChainVerifier} found: how many records it checked and the head, or the first broken record.
 *
 * @param records how many records were checked (up to the break, if any)
 * @param head    the last record checked and found good
 * @param broken  the first break; null when the whole chain holds
 */
public record ChainReport(long records, ChainHead head, Break broken) {
    /** How a record fails the chain. */
    public enum Problem {
        /** Its content no longer matches its own hash, or a column disagrees with its hashed body. */
        ALTERED,
        /** Its "previous hash" is not the hash of the record before it. */
        LINK_BROKEN,
        /** A sequence number is absent: a record was deleted. */
        MISSING,
        /** The database file itself is damaged. */
        CORRUPT
    }

    /**
     * The first broken record.
     *
     * @param seq  its sequence number
     * @param kind its kind ({@code transition}, …), or {@code "?"} when the record is missing
     */
    public record Break(long seq, String kind, Problem problem, String detail) {
    }

    public boolean ok() {
        return broken == null;
    }

    /** One line for a user: {@code history OK: N records, head SEQ HASH}, or the first break. */
    public String summary() {
        if (ok()) {
            return "history OK: " + records + " records, head " + head.seq() + " " + head.hash();
        }
        return "history BROKEN at record " + broken.seq() + " (" + broken.kind() + "): "
                + broken.problem().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + broken.detail();
    }
}
