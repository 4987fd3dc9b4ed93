package io.backupsentinel.cli;

import io.backupsentinel.rule.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code validate}: checks rule files and prints every error with its file, line and column. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate rule files: exit 0 when valid, otherwise print every error as"
                + " FILE:LINE:COLUMN: rule NAME: message and exit 1.")
final class ValidateCommand implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR", description = "rules directory or file (default: ./rules)")
    Path rules;

    @Override
    public Integer call() {
        Path dir = RuleSource.resolve(rules, null, false);
        LoadResult result = RuleSource.loadPrintingErrors(dir, System.out);
        if (!result.isValid()) {
            System.err.println(result.errors().size() + " error(s); nothing was applied.");
            return 1;
        }
        System.out.println(dir + ": " + result.ruleSet().rules().size() + " rules valid in "
                + result.ruleSet().sourceFiles().size() + " file(s)");
        return 0;
    }
}
