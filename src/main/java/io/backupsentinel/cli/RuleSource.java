package io.backupsentinel.cli;

import io.backupsentinel.check.CheckRegistry;
import io.backupsentinel.config.SentinelConfig;
import io.backupsentinel.rule.LoadResult;
import io.backupsentinel.rule.RuleLoader;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where rules come from: {@code --rules}, else the config file's {@code rules:}, else {@code ./rules} (in the
 * working directory);
 * the sandbox modes fall back to the example rules bundled in the jar (the same files as the repository's
 * {@code rules/}), so the demo works from any directory.
 */
final class RuleSource {
    static final String BUNDLED = "/bundled/rules";

    private RuleSource() {
    }

    static Path resolve(Path option, SentinelConfig config, boolean sandbox) {
        if (option != null) {
            return option;
        }
        if (config != null && config.rules() != null) {
            return config.rules();
        }
        if (sandbox) {
            return bundled();
        }
        // With a config file the default is spelt out, so an error names the directory it looked in.
        return config != null && config.source() != null ? Path.of("rules").toAbsolutePath() : Path.of("rules");
    }

    static LoadResult load(Path dir) {
        return new RuleLoader(CheckRegistry.standard()).load(dir);
    }

    /**
     * Loads the rules and prints each warning ({@code FILE: warning: …}) and each error
     * ({@code FILE:LINE:COLUMN: …}) on a line of its own to {@code errors}: {@code validate} reports them on
     * stdout as its output, the other commands on stderr. A valid set without warnings prints nothing.
     */
    static LoadResult loadPrintingErrors(Path dir, PrintStream errors) {
        LoadResult result = load(dir);
        result.warningLines().forEach(errors::println);
        result.errorLines().forEach(errors::println);
        return result;
    }

    static Path bundled() {
        URL url = RuleSource.class.getResource(BUNDLED);
        if (url == null) {
            throw new IllegalStateException("the jar holds no bundled rules at " + BUNDLED);
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // opened by an earlier call in this JVM
                }
            }
            return Path.of(uri);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
