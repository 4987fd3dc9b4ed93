package io.backupsentinel.cli;

import io.backupsentinel.config.ConfigException;
import io.backupsentinel.config.SentinelConfig;
import io.backupsentinel.report.period.PeriodReport;
import io.backupsentinel.report.period.PeriodReports;
import io.backupsentinel.report.period.ReportException;
import io.backupsentinel.report.period.ReportFormat;
import io.backupsentinel.report.period.ReportParams;
import io.backupsentinel.report.period.ReportRequest;
import io.backupsentinel.report.period.ReportScope;
import io.backupsentinel.rule.LoadResult;
import io.backupsentinel.store.HistoryStore;
import io.backupsentinel.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code report}: a period report from the history of {@code daemon.data_dir} or {@code store.url}, the same
 * bytes {@code GET /api/reports} serves. Opens the history read-only without the data directory's lock, so it
 * runs beside the daemon. Exit 0 when written, 2 when the input is bad or the history cannot be read.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a period audit report (JSON, CSV or PDF) from the history; check it later with `verify FILE`.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "start, inclusive: 2026-10-01 (00:00 UTC) or an ISO instant")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "end, exclusive: 2026-12-31 or an ISO instant; not after now")
    String to;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "json, csv or pdf")
    String format;

    @Option(names = "--output", required = true, paramLabel = "FILE", description = "the file to write")
    Path output;

    /** The history: --config (which also names the rules), --data-dir or --store-url; default ./data. */
    @Mixin
    HistoryLocation where;

    @Option(names = "--rules", paramLabel = "DIR", description = "rules directory (names, frameworks, descriptions)")
    Path rules;

    @Option(names = "--account", paramLabel = "ACCOUNT", description = "only this account (repeatable)")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--region", paramLabel = "REGION", description = "only this region (repeatable)")
    List<String> regions = new ArrayList<>();

    @Option(names = "--rule", paramLabel = "NAME", description = "only this rule (repeatable)")
    List<String> ruleNames = new ArrayList<>();

    @Option(names = "--framework", paramLabel = "CONTROL", description = "only rules citing this framework control (repeatable)")
    List<String> frameworks = new ArrayList<>();

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "only tables with this tag, as last recorded in the history (repeatable)")
    List<String> tags = new ArrayList<>();

    /** Decides only whether the period has ended; tests fix it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ReportFormat f = ReportFormat.named(format).orElse(null);
        if (f == null) {
            err.println("unknown --format " + format + ": use json, csv or pdf");
            return 2;
        }
        SentinelConfig cfg;
        try {
            cfg = where.config() == null ? SentinelConfig.defaults() : SentinelConfig.load(where.config());
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        LoadResult loaded = RuleSource.load(RuleSource.resolve(rules, cfg, false));
        if (!loaded.isValid()) {
            loaded.errorLines().forEach(err::println);
            err.println(loaded.errors().size() + " rule error(s); the report needs the rules' names and frameworks");
            return 2;
        }
        try (HistoryStore store = HistoryStore.openReadOnly(where.settings(cfg))) {
            Instant start = ReportParams.instant("--from", from);
            Instant end = ReportParams.instant("--to", to);
            ReportScope scope = new ReportScope(ReportParams.values("--account", accounts),
                    ReportParams.values("--region", regions), ReportParams.values("--rule", ruleNames),
                    ReportParams.values("--framework", frameworks), ReportParams.tags(tags));
            PeriodReport report = PeriodReports.build(store.queries(),
                    new ReportRequest(start, end, scope, RuleInfos.of(loaded.ruleSet()), BuildInfo.version()), clock.instant());
            String sha = write(f, report);
            out.println("wrote " + output + " (" + f.name().toLowerCase(Locale.ROOT) + ", sha256 " + sha
                    + "), from the history as of " + report.cover().asOf() + ", record " + report.cover().head().seq()
                    + " " + report.cover().head().hash());
            return 0;
        } catch (ReportException | StoreException e) {
            err.println(e.getMessage());
            return 2;
        } catch (IOException e) {
            err.println("cannot write " + output + ": " + e.getMessage());
            return 2;
        }
    }

    /** Writes beside the target, then moves it in place: a failed run never leaves half a report. */
    private String write(ReportFormat f, PeriodReport report) throws IOException {
        Path target = output.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), ".report-", ".tmp");
        try {
            String sha;
            try (OutputStream o = Files.newOutputStream(tmp)) {
                sha = f.write(report, o);
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return sha;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
