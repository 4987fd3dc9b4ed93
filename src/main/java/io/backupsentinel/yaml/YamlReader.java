package io.backupsentinel.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way this program reads a YAML file (rules, config, scenarios): into SnakeYAML nodes that keep their
 * line and column, never into Java objects, with every problem collected as {@code FILE:LINE:COLUMN}. A file is
 * refused before it is parsed when it is too large (counted while streaming), not UTF-8, or not a readable
 * file; parsing is bounded in nesting depth and aliases; duplicate keys and alias cycles are reported after.
 */
public final class YamlReader {
    private YamlReader() {
    }

    /** Reads {@code file}; errors call it {@code name} (the path as the user spelt it). */
    public static YamlDocument read(Path file, String name, YamlLimits limits) {
        Problems problems = new Problems(name);
        if (Files.isDirectory(file)) {
            problems.whole("is a directory, not a file");
            return new YamlDocument(null, problems);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return parse(SourceText.read(in, limits, problems), limits, problems);
        } catch (NoSuchFileException e) {
            problems.whole("no such file (looked for " + file.toAbsolutePath().normalize() + ")");
        } catch (AccessDeniedException e) {
            problems.whole("cannot read the file: permission denied");
        } catch (IOException e) {
            problems.whole("cannot read the file: " + Text.clip(String.valueOf(e.getMessage())));
        }
        return new YamlDocument(null, problems);
    }

    /** Reads a stream of UTF-8 bytes, e.g. a resource bundled in the jar. */
    public static YamlDocument read(InputStream in, String name, YamlLimits limits) {
        return readWith(problems -> SourceText.read(in, limits, problems), name, limits);
    }

    /** Reads characters already decoded, e.g. an HTTP request body; the size limit counts characters. */
    public static YamlDocument read(Reader in, String name, YamlLimits limits) {
        return readWith(problems -> SourceText.read(in, limits, problems), name, limits);
    }

    /** How a source's text is read; its problems (too large, not UTF-8) go to the document's. */
    private interface Source {
        Optional<String> text(Problems problems) throws IOException;
    }

    private static YamlDocument readWith(Source source, String name, YamlLimits limits) {
        Problems problems = new Problems(name);
        try {
            return parse(source.text(problems), limits, problems);
        } catch (IOException e) {
            problems.whole("cannot read: " + Text.clip(String.valueOf(e.getMessage())));
            return new YamlDocument(null, problems);
        }
    }

    private static YamlDocument parse(Optional<String> text, YamlLimits limits, Problems problems) {
        if (text.isEmpty()) {
            return new YamlDocument(null, problems);
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true); // reported below with both positions instead
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit(limits.maxBytes());
        options.setAllowRecursiveKeys(false);
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text.get()));
        } catch (MarkedYAMLException e) {
            String context = e.getContext() == null ? "" : " (" + e.getContext().trim() + ")";
            String problem = e.getProblem() == null ? "" : e.getProblem().trim();
            problems.add(e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark(), "",
                    "invalid YAML: " + Text.clip(problem + context, 200));
            return new YamlDocument(null, problems);
        } catch (YAMLException e) {
            problems.whole("invalid YAML: " + Text.clip(limitMessage(e.getMessage()), 200));
            return new YamlDocument(null, problems);
        }
        if (root == null) {
            return new YamlDocument(null, problems);
        }
        boolean cycle = Structure.check(root, problems);
        return new YamlDocument(cycle ? null : root, problems);
    }

    /** SnakeYAML's words for its limits, said as what the user did. */
    private static String limitMessage(String message) {
        String m = String.valueOf(message);
        if (m.startsWith("Number of aliases")) {
            return "too many aliases to mappings or lists (" + m + ")";
        }
        if (m.startsWith("Nesting Depth")) {
            return "nested too deeply (" + m + ")";
        }
        return m;
    }
}
