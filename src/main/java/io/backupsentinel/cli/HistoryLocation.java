package io.backupsentinel.cli;

import io.backupsentinel.config.SentinelConfig;
import io.backupsentinel.store.StoreSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Where the history is, for the commands that read it beside the daemon ({@code verify --history},
 * {@code report}): the daemon's config file, its data directory (SQLite) or a PostgreSQL URL.
 */
final class HistoryLocation {
    /** The variable {@code --store-url} reads the password from when no file is given. */
    static final String PASSWORD_ENV = "BACKUP_SENTINEL_STORE_PASSWORD";

    @ArgGroup(exclusive = true)
    Location location;

    /** One of these. */
    static final class Location {
        @Option(names = "--config", paramLabel = "FILE", description = "the daemon's config file (daemon.data_dir, store.*)")
        Path config;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "the daemon's data directory (SQLite history)")
        Path dataDir;

        @Option(names = "--store-url", paramLabel = "URL", description = "PostgreSQL JDBC URL of the history")
        String storeUrl;
    }

    @Option(names = "--store-user", paramLabel = "USER", description = "PostgreSQL user (with --store-url)")
    String storeUser;

    @Option(names = "--store-password-file", paramLabel = "FILE",
            description = "file holding the PostgreSQL password (with --store-url); else the variable"
                    + " BACKUP_SENTINEL_STORE_PASSWORD if set")
    Path storePasswordFile;

    boolean given() {
        return location != null;
    }

    /** The config file named by {@code --config}, or null. */
    Path config() {
        return location == null ? null : location.config;
    }

    /** The history's settings: by {@code --data-dir} or {@code --store-url}, else those of {@code config}. */
    StoreSettings settings(SentinelConfig config) {
        if (location != null && location.dataDir != null) {
            return StoreSettings.sqlite(location.dataDir);
        }
        if (location != null && location.storeUrl != null) {
            String env = storePasswordFile == null && System.getenv(PASSWORD_ENV) != null ? PASSWORD_ENV : null;
            return StoreSettings.postgres(location.storeUrl, storeUser, storePasswordFile, env);
        }
        return config.store();
    }
}
