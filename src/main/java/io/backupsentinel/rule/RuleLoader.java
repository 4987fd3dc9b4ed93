package io.backupsentinel.rule;

import io.backupsentinel.check.CheckRegistry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Loads a rule directory (every {@code *.yml} and {@code *.yaml} in it, sorted by name; hidden files and
 * subdirectories are not read) or a single rule file, validating in layers — YAML syntax, structure, schema,
 * meaning — and reporting every error found rather than stopping at the first. Only a set with no error at all,
 * and at least one rule, becomes a {@link RuleSet}; callers swap it in whole or keep what they had. Entries that
 * look like rules but are not read, and files that define nothing, are named in warnings.
 */
public final class RuleLoader {
    private final CheckRegistry registry;

    public RuleLoader(CheckRegistry registry) {
        this.registry = Objects.requireNonNull(registry);
    }

    /** Loads {@code path}, a directory of rule files or one rule file; paths in errors are spelt as given. */
    public LoadResult load(Path path) {
        Problems problems = new Problems();
        Problems warnings = new Problems();
        List<Path> files = RuleFiles.list(path, problems, warnings);
        FileReader reader = new FileReader(registry);
        List<FileReader.Contents> contents = new ArrayList<>();
        for (Path file : files) {
            contents.add(reader.read(file, problems.in(file.toString())));
        }
        if (files.isEmpty()) {
            return LoadResult.invalid(problems.sorted(), warnings.sorted());
        }
        if (problems.count() == 0) {
            noRules(path, files, contents, problems, warnings);
        }
        return new Assembler(problems).assemble(contents, files.stream().map(Path::toString).toList())
                .withWarnings(warnings.sorted());
    }

    /**
     * An audit of no rules would be green while judging nothing, so loading no rule at all is an error; a file
     * that defines nothing among others that do is worth a warning (an unsaved buffer, a misplaced file).
     */
    private static void noRules(Path path, List<Path> files, List<FileReader.Contents> contents, Problems problems,
                                Problems warnings) {
        boolean anyRule = contents.stream().anyMatch(c -> !c.rules().isEmpty());
        if (anyRule) {
            for (int i = 0; i < files.size(); i++) {
                if (contents.get(i).definesNothing()) {
                    warnings.in(files.get(i).toString()).whole(nothing(contents.get(i)) + ": it defines nothing");
                }
            }
            return;
        }
        if (files.size() == 1 && contents.get(0).rulesKey() != null) {
            problems.in(files.get(0).toString()).at(contents.get(0).rulesKey(), null,
                    "no rules loaded: 'rules' is empty; a rule set needs at least one rule");
            return;
        }
        List<String> why = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            why.add(files.get(i).getFileName() + " " + (contents.get(i).definesNothing() ? nothing(contents.get(i))
                    : "has no rules"));
        }
        problems.in(path.toString()).whole("no rules loaded: " + String.join(", ", why)
                + "; a rule set needs at least one rule");
    }

    private static String nothing(FileReader.Contents c) {
        return c.rulesKey() != null ? "has an empty 'rules'" : "is empty or only comments";
    }
}
