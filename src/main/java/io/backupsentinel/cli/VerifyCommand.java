package io.backupsentinel.cli;

import io.backupsentinel.config.ConfigException;

import io.backupsentinel.config.SentinelConfig;

import io.backupsentinel.store.ChainReport;
import io.backupsentinel.store.HistoryStore;
import io.backupsentinel.store.StoreException;
import io.backupsentinel.store.StoreSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import io.backupsentinel.report.ReportSeal;
import io.backupsentinel.report.SealCheck;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code verify}: checks evidence offline. {@code verify --history} walks the history's hash chain and prints
 * its head, or names the first broken record; exit 0 when it holds, 1 when it is broken, 2 when the history
 * cannot be opened. The history is located by the daemon's config file, or directly by its data directory
 * or PostgreSQL URL. Each kind of evidence is one option or argument, so verifying a report file can join it.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify evidence: FILE checks a downloaded report offline (JSON, CSV or PDF) and prints the history"
                + " record it cites (exit 0), or names what was altered (exit 1); --history checks the whole hash chain"
                + " of the history and prints its head (exit 0), or names the first broken record (exit 1).")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--history", description = "verify the history's hash chain")
    boolean history;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "a report to verify offline")
    Path report;

    @Mixin
    HistoryLocation where;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (report != null && history) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a report FILE or --history, not both");
        }
        if (report != null) {
            return verifyReport(out, err);
        }
        if (!history) {
            throw new CommandLine.ParameterException(spec.commandLine(), "nothing to verify: give a report FILE or --history");
        }
        StoreSettings settings;
        try {
            settings = settings();
        } catch (ConfigException | StoreException e) {
            err.println(e.getMessage());
            return 2;
        }
        try (HistoryStore store = HistoryStore.openReadOnly(settings)) {
            ChainReport report = store.verifier().verify();
            if (report.ok()) {
                out.println(report.summary());
                return 0;
            }
            err.println(store.describe() + ": " + report.summary());
            return 1;
        } catch (StoreException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    /** A report needs no history: its seal says what it covers and which record it cites. */
    private int verifyReport(PrintWriter out, PrintWriter err) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(report);
        } catch (IOException e) {
            err.println("cannot read " + report + ": " + e.getMessage());
            return 2;
        }
        SealCheck check = ReportSeal.verify(bytes);
        if (check.ok()) {
            out.println(report + ": OK, " + check.format() + " report, sha256 " + check.sha256()
                    + "; built from the history as of " + check.asOf() + ", record " + check.head().seq() + " "
                    + check.head().hash() + " (check it with verify --history)");
            return 0;
        }
        // Without a seal nothing says the file was ever a report, so it is not called altered.
        err.println(report + (check.sealed() ? ": ALTERED (" + check.format() + " report)"
                : ": NOT VERIFIED (no seal)"));
        check.problems().forEach(p -> err.println("  " + p));
        return 1;
    }

    private StoreSettings settings() {
        if (!where.given()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "say where the history is: --config FILE, --data-dir DIR or --store-url URL");
        }
        return where.settings(where.config() == null ? null : SentinelConfig.load(where.config()));
    }
}
