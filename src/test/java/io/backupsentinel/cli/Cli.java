package io.backupsentinel.cli;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs the command line in-process, as a user would from a shell, and keeps what it printed. The commands
 * write to {@code System.out}/{@code System.err}, so those are swapped for the call (surefire runs test classes
 * one at a time in this JVM).
 */
record Cli(int exit, String out, String err) {

    /**
     * One command line for every run, as picocli resets every option before each parse: building it costs more
     * than most runs, and the corpus makes hundreds of them.
     */
    private static final CommandLine SHARED = Main.commandLine();

    static Cli run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            SHARED.setOut(new PrintWriter(System.out, true));
            SHARED.setErr(new PrintWriter(System.err, true));
            exit = SHARED.execute(args);
        } finally {
            System.out.flush();
            System.err.flush();
            System.setOut(stdout);
            System.setErr(stderr);
        }
        return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Everything printed, for "no stack trace" assertions. */
    String all() {
        return out + err;
    }

    /** The lines of {@code validate}'s report that are errors: not warnings, not the summary. */
    List<String> errorLines() {
        return out.lines().filter(l -> !l.isBlank() && !l.contains(": warning: ") && !l.contains(" rules valid in "))
                .toList();
    }

    List<String> warningLines() {
        return all().lines().filter(l -> l.contains(": warning: ")).toList();
    }

    /** True when something that only a crash prints reached the user. */
    boolean showsAStackTrace() {
        String all = all();
        return all.contains("Exception") || all.contains("\tat ") || all.contains("internal error");
    }
}
