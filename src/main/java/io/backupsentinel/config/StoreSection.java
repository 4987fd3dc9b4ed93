package io.backupsentinel.config;

import io.backupsentinel.store.StoreException;
import io.backupsentinel.store.StoreSettings;
import io.backupsentinel.yaml.YMap;
import io.backupsentinel.yaml.YNode;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code store:} section: where the history lives. Without {@code url}, SQLite in {@code daemon.data_dir};
 * with a {@code jdbc:postgresql:} URL, PostgreSQL, its password from {@code password_file} or the environment
 * variable named by {@code password_env}, never from this file.
 */
final class StoreSection {
    static final Duration RETENTION_FLOOR = Duration.ofDays(1);

    private StoreSection() {
    }

    static StoreSettings read(YNode node, Path base, Path dataDir) {
        if (node == null) {
            return StoreSettings.sqlite(dataDir);
        }
        YMap m = node.map();
        String url = m.str("url", null);
        String user = m.str("user", null);
        YNode passwordFileNode = m.get("password_file");
        Path passwordFile = passwordFileNode == null ? null : Paths.resolve(passwordFileNode, base);
        String passwordEnv = m.str("password_env", null);
        Duration retention = m.duration("retention", StoreSettings.DEFAULT_RETENTION, RETENTION_FLOOR,
                Duration.ofDays(36_500));
        if (m.has("password")) {
            m.get("password").error("a password is never written in the config file: use password_file or password_env");
        }
        m.finish();
        try {
            return new StoreSettings(url, user, passwordFile, passwordEnv, dataDir, retention);
        } catch (StoreException | IllegalArgumentException e) {
            (m.has("url") ? m.get("url") : node).error(e.getMessage());
            return StoreSettings.sqlite(dataDir);
        }
    }
}
