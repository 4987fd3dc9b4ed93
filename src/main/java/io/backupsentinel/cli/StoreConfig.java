package io.backupsentinel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.backupsentinel.model.Durations;
import io.backupsentinel.store.StoreSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads where the history is from the daemon's config file: {@code daemon.data_dir} and the {@code store}
 * section ({@code url}, {@code user}, {@code password_file}, {@code password_env}, {@code retention}).
 * Relative paths are relative to the config file. Only these keys are read here; the whole file is
 * validated by the daemon's config reader.
 */
final class StoreConfig {
    /** The variable {@code verify --store-url} reads the password from when no file is given. */
    static final String PASSWORD_ENV = "BACKUP_SENTINEL_STORE_PASSWORD";

    private StoreConfig() {
    }

    /** The store the config names, or, when it names none, SQLite in {@code ./data}. */
    static StoreSettings readOrDefault(Path file) {
        try {
            return read(file);
        } catch (ConfigException e) {
            if (e.getMessage().contains("neither store.url nor daemon.data_dir")) {
                return StoreSettings.sqlite(Path.of("data"));
            }
            throw e;
        }
    }

    static StoreSettings read(Path file) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr() + ": ";
            throw new ConfigException(file + ":" + where + "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(file + ": the configuration must be a mapping");
        }
        Path base = file.toAbsolutePath().getParent();
        JsonNode store = root.path("store");
        String url = text(file, store, "store.url");
        Path dataDir = path(file, base, root.path("daemon"), "data_dir", "daemon.data_dir");
        if (url == null && dataDir == null) {
            throw new ConfigException(file + ": neither store.url nor daemon.data_dir is set: the history's place is unknown");
        }
        String retention = text(file, store, "store.retention");
        try {
            return new StoreSettings(url, text(file, store, "store.user"),
                    path(file, base, store, "password_file", "store.password_file"),
                    text(file, store, "store.password_env"), dataDir,
                    retention == null ? null : Durations.parse(retention));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage(), e);
        }
    }

    private static String text(Path file, JsonNode section, String key) {
        JsonNode n = section.path(key.substring(key.indexOf('.') + 1));
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isValueNode() || n.asText().isBlank()) {
            throw new ConfigException(file + ": " + key + ": must be a non-empty text");
        }
        return n.asText();
    }

    private static Path path(Path file, Path base, JsonNode section, String name, String key) {
        JsonNode n = section.path(name);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        if (!n.isTextual() || n.asText().isBlank()) {
            throw new ConfigException(file + ": " + key + ": must be a path");
        }
        return base.resolve(n.asText()).normalize();
    }
}
