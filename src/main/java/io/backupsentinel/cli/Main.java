package io.backupsentinel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code backup-sentinel} command: each subcommand is one thing a user does. */
@Command(name = "backup-sentinel", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Proves that DynamoDB tables can be recovered: audits PITR, backups, AWS Backup plans,"
                + " copies, vaults and restore tests against declarative rules.",
        subcommands = {RunCommand.class, DemoCommand.class, AuditCommand.class, ValidateCommand.class, IamPolicyCommand.class, SandboxCommand.class, VerifyCommand.class, ReportCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The exit code of a bug: distinct from 1 (NON_COMPLIANT) and 2 (an error of input or collection). */
    public static final int INTERNAL_ERROR = 3;

    /** The configured command line; tests run it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(Main::internalError);
    }

    /**
     * Bad input is answered by the commands themselves with a clean message; an exception that reaches here is a
     * bug, so it says so in one line and keeps the stack trace for the report, and exits with its own code so
     * a pipeline never reads it as NON_COMPLIANT.
     */
    private static int internalError(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        err.println("backup-sentinel: internal error (a bug, please report it): " + e);
        e.printStackTrace(err);
        err.flush();
        return INTERNAL_ERROR;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
