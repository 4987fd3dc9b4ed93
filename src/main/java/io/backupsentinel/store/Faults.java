package io.backupsentinel.store;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Turns a database error into a one-line {@link StoreException} and says whether waiting may cure it. */
final class Faults {
    private Faults() {
    }

    static StoreException of(String where, String doing, SQLException e) {
        return new StoreException(where + ": cannot " + doing + ": " + oneLine(e), e, isTransient(e));
    }

    static boolean isTransient(SQLException e) {
        if (e instanceof SQLTransientException || e instanceof SQLRecoverableException) {
            return true;
        }
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            return code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED
                    || code.name().startsWith("SQLITE_BUSY") || code == SQLiteErrorCode.SQLITE_FULL
                    || code.name().startsWith("SQLITE_IOERR");
        }
        String state = e.getSQLState();
        // 08: connection exception; 57P0x: the server shutting down or restarting; 53: out of resources.
        return state != null && (state.startsWith("08") || state.startsWith("57P0") || state.startsWith("53"));
    }

    static boolean isCorrupt(SQLException e) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            return code == SQLiteErrorCode.SQLITE_NOTADB || code == SQLiteErrorCode.SQLITE_CORRUPT
                    || code.name().startsWith("SQLITE_CORRUPT");
        }
        return false;
    }

    /**
     * The message of the innermost SQL error (the driver's own words, e.g. PostgreSQL's "Connection to
     * host:port refused"), else of the innermost cause, on one line and without Java class names.
     */
    static String oneLine(Throwable e) {
        Throwable t = e;
        Throwable sql = e instanceof SQLException ? e : null;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t instanceof SQLException) {
                sql = t;
            }
        }
        Throwable chosen = sql != null ? sql : t;
        String msg = chosen.getMessage() == null ? chosen.getClass().getSimpleName() : chosen.getMessage();
        return msg.replaceAll("\\s+", " ").strip();
    }
}
