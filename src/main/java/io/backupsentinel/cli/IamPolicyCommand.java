package io.backupsentinel.cli;

import io.backupsentinel.config.ConfigException;
import io.backupsentinel.config.SentinelConfig;
import io.backupsentinel.rule.IamPolicy;
import io.backupsentinel.rule.LoadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code iam-policy}: the least-privilege IAM policy the loaded rules need; read-only, unless the configuration
 * publishes to CloudWatch, which adds {@code cloudwatch:PutMetricData} into its namespace only.
 */
@Command(name = "iam-policy", mixinStandardHelpOptions = true,
        description = "Print the least-privilege IAM policy (JSON) that the loaded rules need.")
final class IamPolicyCommand implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR", description = "rules directory or file (default: ./rules)")
    Path rules;

    @Option(names = "--config", paramLabel = "FILE",
            description = "the daemon's configuration: its rules directory, and CloudWatch publishing if enabled")
    Path config;

    @Override
    public Integer call() {
        SentinelConfig cfg = null;
        if (config != null) {
            try {
                cfg = SentinelConfig.load(config);
            } catch (ConfigException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
        LoadResult result = RuleSource.loadPrintingErrors(RuleSource.resolve(rules, cfg, false), System.err);
        if (!result.isValid()) {
            return 1;
        }
        Optional<String> namespace = cfg != null && cfg.cloudWatch().enabled()
                ? Optional.of(cfg.cloudWatch().namespace()) : Optional.empty();
        System.out.println(IamPolicy.forRules(result.ruleSet(), namespace));
        return 0;
    }
}
