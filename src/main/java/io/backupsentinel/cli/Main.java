package io.backupsentinel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code backup-sentinel} command: each subcommand is one thing a user does. */
@Command(name = "backup-sentinel", mixinStandardHelpOptions = true, versionProvider = BuildInfo.class,
        description = "Proves that DynamoDB tables can be recovered: audits PITR, backups, AWS Backup plans,"
                + " copies, vaults and restore tests against declarative rules.",
        subcommands = {RunCommand.class, AuditCommand.class, ValidateCommand.class, IamPolicyCommand.class, SandboxCommand.class, VerifyCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }
}
