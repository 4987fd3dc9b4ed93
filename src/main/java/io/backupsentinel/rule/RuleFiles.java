package io.backupsentinel.rule;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which files of a rule directory are read, and a warning for every entry that looks like a rule file but is
 * not read, so that nothing is skipped without a word: a symbolic link that is dangling or loops, a directory
 * named like a rule file, a name in the wrong case ({@code prod.YML}) and an editor's or a tool's copy
 * ({@code prod.yml~}, {@code prod.yaml.bak}). Hidden files (editor locks such as {@code .#prod.yml}) and
 * subdirectories are not rules and pass in silence.
 */
final class RuleFiles {
    /** A name that mentions .yml/.yaml in any case, possibly followed by a suffix: a rule file or a copy of one. */
    private static final Pattern LOOKS_LIKE_RULES = Pattern.compile(".*\\.ya?ml([.~_#-].*|~)?",
            Pattern.CASE_INSENSITIVE);

    private RuleFiles() {
    }

    /** The files to read (sorted); warnings and errors go to {@code problems} and {@code warnings}. */
    static List<Path> list(Path path, Problems problems, Problems warnings) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            problems.in(path.toString()).whole(Files.isSymbolicLink(path) ? brokenLink(path)
                    : "no such rule file or directory");
            return List.of();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(path)) {
            for (Path p : listing.sorted().toList()) {
                classify(p, files, warnings);
            }
        } catch (IOException | RuntimeException e) {
            problems.in(path.toString()).whole("cannot list the directory: " + e.getMessage());
            return List.of();
        }
        if (files.isEmpty()) {
            problems.in(path.toString()).whole("no rule files (*.yml, *.yaml) in this directory");
        }
        return files;
    }

    private static void classify(Path p, List<Path> files, Problems warnings) {
        String name = p.getFileName().toString();
        if (name.startsWith(".")) {
            return; // hidden: editor locks and backups such as .#prod.yml are never rules
        }
        boolean ruleName = name.endsWith(".yml") || name.endsWith(".yaml");
        if (ruleName) {
            if (Files.isRegularFile(p)) {
                files.add(p);
            } else if (Files.isDirectory(p)) {
                warnings.in(p.toString()).whole("a directory named like a rule file; skipped (rule directories"
                        + " are not read recursively)");
            } else if (Files.isSymbolicLink(p)) {
                warnings.in(p.toString()).whole(brokenLink(p) + "; skipped");
            } else {
                warnings.in(p.toString()).whole("not a regular file; skipped");
            }
        } else if (LOOKS_LIKE_RULES.matcher(name).matches() && !Files.isDirectory(p)) {
            String lower = name.toLowerCase(Locale.ROOT);
            warnings.in(p.toString()).whole(lower.endsWith(".yml") || lower.endsWith(".yaml")
                    ? "looks like a rule file but is skipped: only names ending in .yml or .yaml (lower case) are read"
                    : "looks like a copy of a rule file and is skipped: only names ending in .yml or .yaml are read");
        }
    }

    /** Why a symbolic link leads to no file: it loops, or its target does not exist. */
    private static String brokenLink(Path link) {
        try {
            link.toRealPath();
            return "a symbolic link to something that is not a file";
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? "" : e.getReason().toLowerCase(Locale.ROOT);
            return reason.contains("levels of symbolic links") || reason.contains("loop")
                    ? "a symbolic link loop" : "a dangling symbolic link (its target " + target(link) + " does not exist)";
        } catch (IOException e) {
            return "a symbolic link that cannot be followed: " + e.getMessage();
        }
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }
}
