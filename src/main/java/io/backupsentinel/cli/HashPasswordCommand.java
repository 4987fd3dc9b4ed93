package io.backupsentinel.cli;

import io.backupsentinel.web.auth.Secrets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code hash-password}: prints the BCrypt hash of a password for {@code web.auth.users[].password_hash}. The
 * password is read from the terminal without echo (asked twice), or as the first line of standard input when it
 * is piped, so it never appears in the shell history or the process list. {@code --token} instead makes a new
 * random API token and prints it with the hash to put in {@code web.auth.tokens[].hash}.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Print a BCrypt hash of a password (read without echo, or from standard input) for"
                + " web.auth in the config file; --token makes a new API token and its SHA-256 hash instead.")
final class HashPasswordCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cost", paramLabel = "N", defaultValue = "" + Secrets.DEFAULT_COST,
            description = "BCrypt cost, 10 to 16 (default: ${DEFAULT-VALUE}); each step doubles the work of a check")
    int cost;

    @Option(names = "--token", description = "make a random API token; print it once, then its hash")
    boolean token;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (token) {
            String t = Secrets.random(32);
            out.println("token: " + t);
            out.println("hash:  " + Secrets.sha256(t));
            err.println("Give the token to the client (Authorization: Bearer TOKEN); put only the hash in the config.");
            out.flush();
            return 0;
        }
        if (cost < 10 || cost > 16) {
            err.println("hash-password: --cost must be 10 to 16, got " + cost);
            return 2;
        }
        Console console = System.console();
        String password = console != null ? fromConsole(console, err) : fromInput(System.in);
        if (password == null) {
            return 2;
        }
        if (password.isEmpty()) {
            err.println("hash-password: no password given (type it when asked, or pipe it on standard input)");
            return 2;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > Secrets.MAX_PASSWORD_BYTES) {
            err.println("hash-password: the password is longer than " + Secrets.MAX_PASSWORD_BYTES
                    + " bytes; BCrypt would ignore the rest, so choose a shorter one");
            return 2;
        }
        out.println(Secrets.hashPassword(password, cost));
        out.flush();
        return 0;
    }

    private static String fromConsole(Console console, PrintWriter err) {
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Again: ");
        try {
            if (first == null || second == null || !Arrays.equals(first, second)) {
                err.println("hash-password: the two passwords differ");
                return null;
            }
            return new String(first);
        } finally {
            Arrays.fill(first == null ? new char[0] : first, '\0');
            Arrays.fill(second == null ? new char[0] : second, '\0');
        }
    }

    private static String fromInput(InputStream in) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = r.readLine();
        return line == null ? "" : line;
    }
}
