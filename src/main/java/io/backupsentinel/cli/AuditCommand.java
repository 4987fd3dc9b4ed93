package io.backupsentinel.cli;

import io.backupsentinel.aws.AwsCollector;
import io.backupsentinel.aws.AwsSettings;
import io.backupsentinel.config.ConfigException;
import io.backupsentinel.config.SentinelConfig;
import io.backupsentinel.engine.Audit;
import io.backupsentinel.model.AuditResult;
import io.backupsentinel.report.AuditFormat;
import io.backupsentinel.report.AuditText;
import io.backupsentinel.report.AuditWriter;
import io.backupsentinel.rule.LoadResult;
import io.backupsentinel.sandbox.Sandbox;
import io.backupsentinel.sandbox.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code audit}: one audit, printed, with an exit code a pipeline can act on. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Run one audit and print the findings. Exit 0 when all are compliant, 1 when a finding"
                + " is NON_COMPLIANT, 2 when a finding is UNKNOWN or a collection failed.")
final class AuditCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE", description = "configuration file (accounts, regions, rules)")
    Path config;

    @Option(names = "--rules", paramLabel = "DIR", description = "rules directory or file")
    Path rules;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "json, csv or text (default: ${DEFAULT-VALUE})")
    AuditFormat format;

    @Option(names = "--output", paramLabel = "FILE", description = "write here instead of standard output")
    Path output;

    @Option(names = "--sandbox", description = "audit an embedded sandbox AWS instead of AWS")
    boolean sandbox;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "with --sandbox: the scenario to serve (default: the bundled demo)")
    Path scenario;

    @Override
    public Integer call() throws Exception {
        if (scenario != null && !sandbox) {
            System.err.println("--scenario needs --sandbox");
            return 2;
        }
        SentinelConfig cfg;
        try {
            cfg = config == null ? SentinelConfig.defaults() : SentinelConfig.load(config);
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Path ruleDir = RuleSource.resolve(rules, cfg, sandbox);
        LoadResult loaded = RuleSource.loadPrintingErrors(ruleDir, System.err);
        if (!loaded.isValid()) {
            System.err.println(loaded.errors().size() + " rule error(s); run `validate` for details.");
            return 2;
        }
        AuditResult result;
        try {
            result = sandbox ? auditSandbox(cfg, loaded) : audit(cfg.aws(), loaded, Clock.systemUTC());
        } catch (ScenarioException e) {
            System.err.println(e.getMessage());
            return 2;
        } catch (IllegalStateException e) {
            // e.g. no region configured and none in the SDK's settings: nothing could be collected.
            System.err.println("cannot audit: " + e.getMessage());
            return 2;
        }
        write(result);
        if (format != AuditFormat.text || output != null) {
            // The text report already says it; other formats keep their shape, so the reason goes to stderr.
            AuditText.emptyRuleLines(result).forEach(System.err::println);
        }
        return result.exitCode();
    }

    /** Against an embedded sandbox: the whole world without a config, else the config's accounts and regions. */
    private AuditResult auditSandbox(SentinelConfig cfg, LoadResult loaded) {
        try (Sandbox box = Sandbox.start(scenario, 0)) {
            AwsSettings settings = (config == null
                    ? SandboxSettings.wholeWorld(box.world(), box.faults()) : cfg.aws())
                    .withEndpoint(URI.create(box.endpoint()), Sandbox.ACCESS_KEY, Sandbox.SECRET_KEY);
            return audit(settings, loaded, box.clock());
        }
    }

    private static AuditResult audit(AwsSettings settings, LoadResult rules, Clock clock) {
        try (AwsCollector collector = new AwsCollector(settings, (service, operation, outcome) -> { }, clock)) {
            return new Audit(collector, clock).run(rules.ruleSet());
        }
    }

    private void write(AuditResult result) throws IOException {
        if (output == null) {
            Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
            AuditWriter.write(result, format, out);
        } else {
            try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                AuditWriter.write(result, format, out);
            }
        }
    }
}
