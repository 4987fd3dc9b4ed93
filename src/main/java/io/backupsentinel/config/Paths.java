package io.backupsentinel.config;

import io.backupsentinel.yaml.Text;
import io.backupsentinel.yaml.YNode;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Paths written in the config file, resolved against the file's own directory so they work from any cwd. */
final class Paths {
    private Paths() {
    }

    /** The absolute path {@code node} names, or null (reported) when it is not text or not a path. */
    static Path resolve(YNode node, Path base) {
        String text = node.text();
        if (text == null) {
            return null;
        }
        try {
            return base.resolve(text).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            node.error("'" + Text.clip(text) + "' is not a valid path");
            return null;
        }
    }
}
