package io.backupsentinel.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.postgresql.ds.PGSimpleDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * An open history database: a connection pool, its {@link Dialect}, and for SQLite the data directory's lock
 * file. Opening checks everything a user can get wrong and says so in one line ({@link StoreException}):
 * the data directory missing or unwritable, the file corrupt, another daemon holding it, PostgreSQL
 * unreachable or refusing the login. Opened for writing, it migrates the schema with Flyway.
 */
final class Database implements AutoCloseable {
    /** Seconds to wait for PostgreSQL to answer a connection attempt before calling it unreachable. */
    private static final int CONNECT_TIMEOUT_SECONDS = 5;
    /** The schema version this code reads and writes: the newest migration (V5__TransitionWords). */
    static final String SCHEMA_VERSION = "5";
    private final HikariDataSource pool;
    private final Dialect dialect;
    private final String where;
    private final DataDirLock lock;

    private Database(HikariDataSource pool, Dialect dialect, String where, DataDirLock lock) {
        this.pool = pool;
        this.dialect = dialect;
        this.where = where;
        this.lock = lock;
    }

    /** Opens the history to write: takes the data directory's lock (SQLite) and migrates the schema. */
    static Database openForWriting(StoreSettings settings) {
        return open(settings, true, System.getenv());
    }

    /** Opens an existing history to read (e.g. to verify it while the daemon runs): no lock, no migration. */
    static Database openForReading(StoreSettings settings) {
        return open(settings, false, System.getenv());
    }

    private static Database open(StoreSettings settings, boolean write, Map<String, String> env) {
        return settings.embedded() ? openSqlite(settings, write) : openPostgres(settings, write, env);
    }

    private static Database openSqlite(StoreSettings settings, boolean write) {
        Path file = settings.sqliteFile();
        String where = "history " + file;
        DataDirLock lock = null;
        if (write) {
            lock = DataDirLock.acquire(settings.dataDir());
        } else if (!Files.isRegularFile(file)) {
            throw new StoreException("no history at " + file + ": the daemon has not written one there (check daemon.data_dir)");
        }
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(10_000);
            if (write) {
                // WAL with full sync: a committed append survives a crash or power loss, readers never block it.
                config.setJournalMode(SQLiteConfig.JournalMode.WAL);
                config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
                config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            } else {
                config.setReadOnly(true);
            }
            SQLiteDataSource source = new SQLiteDataSource(config);
            source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
            probe(source, where);
            HikariConfig hikari = new HikariConfig();
            hikari.setDataSource(source);
            hikari.setPoolName("history-sqlite");
            hikari.setMaximumPoolSize(4);
            // The driver refuses to flip the flag on an open connection, so the pool must ask for the same.
            hikari.setReadOnly(!write);
            Database db = new Database(pool(hikari, where), Dialect.SQLITE, where, lock);
            return db.prepare(write);
        } catch (RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    /** Reads the schema once, so a file that is not a database, or is damaged, is named before anything else. */
    private static void probe(SQLiteDataSource source, String where) {
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM sqlite_master").close();
        } catch (SQLException e) {
            if (Faults.isCorrupt(e)) {
                throw new StoreException(where + " is corrupt or not a SQLite database (" + Faults.oneLine(e)
                        + "): move it aside and restore it from a backup", e, false);
            }
            throw new StoreException(where + ": cannot open: " + Faults.oneLine(e), e, false);
        }
    }

    private static Database openPostgres(StoreSettings settings, boolean write, Map<String, String> env) {
        String where = "PostgreSQL history at " + Redact.url(settings.url());
        String password = settings.password(env);
        PGSimpleDataSource direct = new PGSimpleDataSource();
        direct.setURL(settings.url());
        direct.setConnectTimeout(CONNECT_TIMEOUT_SECONDS);
        direct.setLoginTimeout(CONNECT_TIMEOUT_SECONDS);
        direct.setApplicationName("backup-sentinel");
        if (settings.user() != null) {
            direct.setUser(settings.user());
        }
        if (password != null) {
            direct.setPassword(password);
        }
        // One plain connection first: the pool would log its own failure with a stack trace.
        try (Connection c = direct.getConnection()) {
            c.isValid(CONNECT_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String why = state.startsWith("28") ? "refused the login" + (settings.user() == null ? "" : " of user " + settings.user())
                    : state.startsWith("08") ? "is unreachable" : "cannot be opened";
            throw new StoreException(where + " " + why + ": " + Faults.oneLine(e), e, Faults.isTransient(e));
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(direct);
        hikari.setPoolName("history-postgresql");
        hikari.setMaximumPoolSize(4);
        hikari.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS * 1000L);
        // Start even if the server went away since the probe: ResilientHistory copes with outages.
        hikari.setInitializationFailTimeout(-1);
        return new Database(pool(hikari, where), Dialect.POSTGRESQL, where, null).prepare(write);
    }

    private static HikariDataSource pool(HikariConfig config, String where) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new StoreException(where + ": cannot open: " + Faults.oneLine(e), e, false);
        }
    }

    private Database prepare(boolean write) {
        boolean current = true;
        try {
            if (write) {
                Flyway.configure().dataSource(pool).locations("classpath:db/migration/history")
                        .javaMigrations(new V3__TransitionStatus(), new V4__PostureAspect(), new V5__TransitionWords())
                        .table("history_schema_version").load().migrate();
            } else {
                read("read the schema", c -> {
                    try (Statement s = c.createStatement()) {
                        s.executeQuery("SELECT seq FROM chain_head WHERE id = 1").close();
                    }
                    return null;
                });
                current = hasCurrentSchema();
            }
        } catch (FlywayException e) {
            close();
            throw new StoreException(where + ": cannot create or migrate the schema: " + Faults.oneLine(e), e, false);
        } catch (StoreException e) {
            close();
            throw new StoreException(where + " holds no Backup Sentinel history (" + e.getMessage() + ")", e, false);
        }
        if (!current) {
            // A history written by an older version is migrated when opened for writing, not here.
            close();
            throw new StoreException(where + " has a schema older than version " + SCHEMA_VERSION + ", which this"
                    + " version reads: start the daemon (or any command that writes the history) once with this version"
                    + " to migrate it");
        }
        return this;
    }

    private boolean hasCurrentSchema() {
        return read("read the schema version", c -> {
            try (Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(
                    "SELECT version FROM history_schema_version WHERE version = '" + SCHEMA_VERSION + "'")) {
                return rs.next();
            }
        });
    }

    Dialect dialect() {
        return dialect;
    }

    String where() {
        return where;
    }

    /** A unit of work on one connection. */
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T transaction(String doing, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw Faults.of(where, doing, e);
        }
    }

    <T> T read(String doing, Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw Faults.of(where, doing, e);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is gone; the server rolls the transaction back itself.
        }
    }

    @Override
    public void close() {
        pool.close();
        if (lock != null) {
            lock.close();
        }
    }
}
