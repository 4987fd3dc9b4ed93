package io.backupsentinel.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the history lives and how long it is kept. With {@code url} null the history is an embedded SQLite
 * file, {@code DATA_DIR/history.db}; otherwise {@code url} is a PostgreSQL JDBC URL
 * ({@code jdbc:postgresql://host:5432/db}).
 *
 * <p>The password is never held here: only where to read it ({@code passwordFile}, or the environment
 * variable named by {@code passwordEnv}), so that printing or logging these settings can never reveal it.
 *
 * @param url          PostgreSQL JDBC URL, or null for SQLite in {@code dataDir}
 * @param user         PostgreSQL user; null to let the driver decide (e.g. from the URL)
 * @param passwordFile file whose content (trailing newline removed) is the password; null if none
 * @param passwordEnv  environment variable holding the password, used when {@code passwordFile} is null
 * @param dataDir      the daemon's data directory: the SQLite file and its lock file live there
 * @param retention    how long records are kept before {@code prune} may remove them
 */
public record StoreSettings(String url, String user, Path passwordFile, String passwordEnv, Path dataDir,
                            Duration retention) {
    /** 400 days: a full year of evidence plus a quarter of margin for the yearly audit. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(400);
    public static final String SQLITE_FILE = "history.db";
    public static final String LOCK_FILE = "history.lock";

    public StoreSettings {
        if (url == null) {
            Objects.requireNonNull(dataDir, "dataDir (the SQLite history lives there when no store url is set)");
        } else if (!url.startsWith("jdbc:postgresql:")) {
            throw new StoreException("store url must be a PostgreSQL JDBC URL (jdbc:postgresql://HOST:PORT/DB), not "
                    + Redact.url(url));
        }
        retention = retention == null ? DEFAULT_RETENTION : retention;
        if (retention.isNegative() || retention.isZero()) {
            throw new StoreException("store retention must be positive, not " + retention);
        }
    }

    /** The embedded default: SQLite in {@code dataDir}, kept {@link #DEFAULT_RETENTION}. */
    public static StoreSettings sqlite(Path dataDir) {
        return new StoreSettings(null, null, null, null, dataDir, null);
    }

    public static StoreSettings postgres(String url, String user, Path passwordFile, String passwordEnv) {
        return new StoreSettings(url, user, passwordFile, passwordEnv, null, null);
    }

    public StoreSettings withRetention(Duration retention) {
        return new StoreSettings(url, user, passwordFile, passwordEnv, dataDir, retention);
    }

    public boolean embedded() {
        return url == null;
    }

    public Path sqliteFile() {
        return dataDir.resolve(SQLITE_FILE);
    }

    /** Where the history is, for messages: the SQLite file, or the URL without any password in it. */
    public String describe() {
        return embedded() ? sqliteFile().toString() : Redact.url(url);
    }

    /** The password from the file or the environment; null when neither is set. */
    String password(Map<String, String> env) {
        if (passwordFile != null) {
            try {
                return Files.readString(passwordFile).strip();
            } catch (IOException e) {
                throw new StoreException("cannot read the store password file " + passwordFile + ": " + e.getMessage());
            }
        }
        if (passwordEnv != null) {
            String value = env.get(passwordEnv);
            if (value == null) {
                throw new StoreException("the store password variable " + passwordEnv + " is not set");
            }
            return value;
        }
        return null;
    }
}
