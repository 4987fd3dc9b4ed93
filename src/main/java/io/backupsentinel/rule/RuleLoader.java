package io.backupsentinel.rule;

import io.backupsentinel.check.CheckRegistry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Loads a rule directory (every {@code *.yml} and {@code *.yaml} in it, sorted by name; hidden files and
 * subdirectories are not read) or a single rule file, validating in layers — YAML syntax, structure, schema, meaning — and reporting
 * every error found rather than stopping at the first. Only a set with no error at all becomes a
 * {@link RuleSet}; callers swap it in whole or keep what they had.
 */
public final class RuleLoader {
    private final CheckRegistry registry;

    public RuleLoader(CheckRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    /** Loads {@code path}, a directory of rule files or one rule file; paths in errors are spelt as given. */
    public LoadResult load(Path path) {
        Problems problems = new Problems();
        List<Path> files = files(path, problems);
        FileReader reader = new FileReader(registry);
        List<FileReader.Contents> contents = new ArrayList<>();
        for (Path file : files) {
            contents.add(reader.read(file, problems.in(file.toString())));
        }
        if (problems.count() > 0 && files.isEmpty()) {
            return LoadResult.invalid(problems.sorted());
        }
        return new Assembler(problems).assemble(contents, files.stream().map(Path::toString).toList());
    }

    /** YAML by extension; hidden files (editor locks and backups such as {@code .#rules.yml}) are not rules. */
    private static boolean isRuleFileName(String name) {
        return !name.startsWith(".") && (name.endsWith(".yml") || name.endsWith(".yaml"));
    }

    private static List<Path> files(Path path, Problems problems) {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        if (!Files.isDirectory(path)) {
            problems.in(path.toString()).whole("no such rule file or directory");
            return List.of();
        }
        try (Stream<Path> listing = Files.list(path)) {
            List<Path> files = listing
                    .filter(p -> isRuleFileName(p.getFileName().toString()))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                problems.in(path.toString()).whole("no rule files (*.yml, *.yaml) in this directory");
            }
            return files;
        } catch (IOException e) {
            problems.in(path.toString()).whole("cannot list the directory: " + e);
            return List.of();
        }
    }
}
