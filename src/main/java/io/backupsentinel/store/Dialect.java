package io.backupsentinel.store;

/** What differs between the two databases the history runs on; the schema and every other query are shared. */
enum Dialect {
    /**
     * Transactions begin IMMEDIATE (the data source says so), so the write lock is taken before the head is
     * read; the lock file keeps any second daemon away.
     */
    SQLITE("SELECT seq, hash FROM chain_head WHERE id = 1"),
    /** The head row's lock serialises appends from every daemon sharing the database. */
    POSTGRESQL("SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE");

    final String lockHead;

    Dialect(String lockHead) {
        this.lockHead = lockHead;
    }
}
