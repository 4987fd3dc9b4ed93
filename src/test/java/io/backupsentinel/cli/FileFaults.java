package io.backupsentinel.cli;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Rule directories that hold no usable rule: empty, only look-alikes ({@code *.YML}, {@code *.yaml.bak},
 * {@code *.yml~}), broken links, a directory named like a file, files that define nothing. Each must be an error,
 * and every entry skipped must be named in a warning. An unreadable file is not among them: the tests run as
 * root, who can read any file, so that fault cannot be made here.
 */
final class FileFaults {
    private static final String NO_FILES = "no rule files (*.yml, *.yaml) in this directory";

    private FileFaults() {
    }

    static List<RuleFault> all() {
        List<RuleFault> out = new ArrayList<>();
        out.add(new RuleFault("fs empty directory", dir -> { }, 1, 0, 0, NO_FILES));
        out.add(new RuleFault("fs only a README", dir -> Files.writeString(dir.resolve("README.md"), "rules: []"),
                1, 0, 0, NO_FILES));
        out.add(new RuleFault("fs symlink loop", dir -> {
            Files.createSymbolicLink(dir.resolve("a.yml"), dir.resolve("b.yml"));
            Files.createSymbolicLink(dir.resolve("b.yml"), dir.resolve("a.yml"));
        }, 1, 0, 0, NO_FILES));
        out.add(new RuleFault("fs dangling link", dir -> Files.createSymbolicLink(dir.resolve("prod.yml"),
                dir.resolve("gone.yml")), 1, 0, 0, NO_FILES));
        out.add(new RuleFault("fs directory named x.yml", dir -> Files.createDirectory(dir.resolve("x.yml")),
                1, 0, 0, NO_FILES));
        for (String name : List.of("prod.YML", "prod.Yaml", "prod.yaml.bak", "prod.yml~", "prod.yml.orig")) {
            out.add(new RuleFault("fs only " + name, dir -> Files.writeString(dir.resolve(name),
                    ParamFaults.rule("pitr")), 1, 0, 0, NO_FILES));
        }
        out.add(new RuleFault("fs empty file", dir -> Files.writeString(dir.resolve("a.yml"), ""), 1, 0, 0,
                "no rules loaded: a.yml is empty or only comments"));
        out.add(new RuleFault("fs comment-only file", dir -> Files.writeString(dir.resolve("a.yml"), "# soon\n"),
                1, 0, 0, "no rules loaded: a.yml is empty or only comments"));
        out.add(new RuleFault("fs rules with no value", dir -> Files.writeString(dir.resolve("a.yml"), "rules:\n"),
                1, 1, 1, "no rules loaded: 'rules' is empty"));
        out.add(new RuleFault("fs rules empty list", dir -> Files.writeString(dir.resolve("a.yml"), "rules: []\n"),
                1, 1, 1, "no rules loaded: 'rules' is empty"));
        out.add(new RuleFault("fs only tiers", dir -> Files.writeString(dir.resolve("a.yml"),
                "tiers: {tag: t, levels: {gold: {rpo: {max_age: 1h}}}}\n"), 1, 0, 0, "no rules loaded: a.yml has no rules"));
        out.add(new RuleFault("fs two empty files", dir -> {
            Files.writeString(dir.resolve("a.yml"), "");
            Files.writeString(dir.resolve("b.yaml"), "rules: []\n");
        }, 1, 0, 0, "no rules loaded: a.yml is empty or only comments, b.yaml has an empty 'rules'"));
        return out;
    }
}
