package io.backupsentinel.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code -Dsentinel.jar}, set by failsafe) run as users run it: a separate JVM. Started with
 * flags that only shorten JVM start-up (C1 only, serial GC), because end-to-end tests start it many times.
 */
public final class SentinelJar {
    public static final Path JAR = Path.of(System.getProperty("sentinel.jar", "target/backup-sentinel.jar"));

    /** What a finished command printed (standard output and error together) and its exit code. */
    public record Result(int exit, String output) {
    }

    private SentinelJar() {
    }

    /** {@code java … -jar JAR ARGS} with {@code env} added to this JVM's environment. */
    public static ProcessBuilder command(Map<String, String> env, List<String> args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java,
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", JAR.toString()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs a command to its end (at most two minutes). */
    public static Result run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Process p = command(env, List.of(args)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("`" + String.join(" ", args) + "` did not end within 2 minutes: " + out);
        }
        return new Result(p.exitValue(), out);
    }

    /** {@code verify --history --data-dir DIR}: checks the SQLite history's hash chain. */
    public static Result verifyHistory(Path dataDir) throws IOException, InterruptedException {
        return run(Map.of(), "verify", "--history", "--data-dir", dataDir.toString());
    }

    /** The last {@code lines} lines of a log file, for failure messages. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e.getMessage() + ")";
        }
    }
}
