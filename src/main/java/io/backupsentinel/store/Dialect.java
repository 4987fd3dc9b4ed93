package io.backupsentinel.store;

/** What differs between the two databases the history runs on; the schema and every other query are shared. */
enum Dialect {
    /**
     * Transactions begin IMMEDIATE (the data source says so), so the write lock is taken before the head is
     * read; the lock file keeps any second daemon away.
     */
    SQLITE("SELECT seq, hash FROM chain_head WHERE id = 1") {
        @Override
        String bodyText(String... path) {
            return "json_extract(body, '$." + String.join(".", path) + "')";
        }
    },
    /** The head row's lock serialises appends from every daemon sharing the database. */
    POSTGRESQL("SELECT seq, hash FROM chain_head WHERE id = 1 FOR UPDATE") {
        @Override
        String bodyText(String... path) {
            return "(body::json #>> '{" + String.join(",", path) + "}')";
        }
    };

    final String lockHead;

    Dialect(String lockHead) {
        this.lockHead = lockHead;
    }

    /** The dialect of the database {@code c} is connected to. */
    static Dialect of(java.sql.Connection c) throws java.sql.SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        if (product.equalsIgnoreCase("SQLite")) {
            return SQLITE;
        }
        if (product.equalsIgnoreCase("PostgreSQL")) {
            return POSTGRESQL;
        }
        throw new java.sql.SQLException("not a database the history can be kept in: " + product);
    }

    /**
     * The SQL for the text at {@code path} (object keys, plain names) in a record's body, NULL where absent or
     * JSON null: the database parses the body, and only the value crosses to Java.
     */
    abstract String bodyText(String... path);
}
