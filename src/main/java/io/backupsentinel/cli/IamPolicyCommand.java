package io.backupsentinel.cli;

import io.backupsentinel.rule.IamPolicy;
import io.backupsentinel.rule.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code iam-policy}: the least-privilege, read-only IAM policy the loaded rules need. */
@Command(name = "iam-policy", mixinStandardHelpOptions = true,
        description = "Print the least-privilege IAM policy (JSON) that the loaded rules need.")
final class IamPolicyCommand implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR", description = "rules directory or file (default: ./rules)")
    Path rules;

    @Override
    public Integer call() {
        LoadResult result = RuleSource.loadPrintingErrors(RuleSource.resolve(rules, null, false), System.err);
        if (!result.isValid()) {
            return 1;
        }
        System.out.println(IamPolicy.forRules(result.ruleSet()));
        return 0;
    }
}
