package io.backupsentinel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * {@code run --config FILE} of the packaged jar as a separate process against an AWS endpoint (the sandbox), as
 * operators run the daemon: for end-to-end tests that scrape it, page through it, or SIGKILL it. Its output goes
 * to a log file, appended to across restarts.
 * <pre>
 * Path config = SentinelDaemon.writeConfig(dir, rules, webPort, pd.eventsUrl());
 * try (SentinelDaemon d = SentinelDaemon.start(config, sandboxEndpoint, dir.resolve("daemon.log"))) {
 *     d.awaitReady(webPort, Duration.ofSeconds(90));
 *     d.kill();                                     // SIGKILL
 * }
 * </pre>
 */
public final class SentinelDaemon implements AutoCloseable {
    /** A 32-character Events API v2 routing key, as PagerDuty issues them. */
    public static final String ROUTING_KEY = "0123456789abcdef0123456789abcdef";

    private final Process process;
    private final Path log;

    private SentinelDaemon(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Writes {@code DIR/sentinel.yml}: the rules, us-east-1, the history in {@code DIR/data}, a 5 s recheck, the web
     * server on {@code webPort} (0: any), and, when {@code eventsUrl} is not null, PagerDuty at that URL with
     * {@link #ROUTING_KEY} read from {@code DIR/routing-key}.
     */
    public static Path writeConfig(Path dir, Path rules, int webPort, URI eventsUrl) throws IOException {
        StringBuilder yaml = new StringBuilder()
                .append("rules: ").append(rules.toAbsolutePath()).append('\n')
                .append("aws:\n  regions: [us-east-1]\n")
                .append("daemon:\n  collect_every: 10m\n  evaluate_every: 10s\n  recheck_every: 5s\n")
                .append("  data_dir: ./data\n")
                .append("web:\n  bind: 127.0.0.1\n  port: ").append(webPort).append('\n');
        if (eventsUrl != null) {
            Files.writeString(dir.resolve("routing-key"), ROUTING_KEY + "\n");
            yaml.append("alert:\n  pagerduty:\n    enabled: true\n    events_url: ").append(eventsUrl)
                    .append("\n    routing_key_file: ./routing-key\n    deployment: e2e\n");
        }
        return Files.writeString(dir.resolve("sentinel.yml"), yaml.toString());
    }

    /** The data directory of a config written by {@link #writeConfig}. */
    public static Path dataDir(Path config) {
        return config.resolveSibling("data");
    }

    /** Starts the daemon; AWS calls go to {@code awsEndpoint} with the sandbox's example keys, in us-east-1. */
    public static SentinelDaemon start(Path config, URI awsEndpoint, Path log) throws IOException {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", awsEndpoint.toString(),
                "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "AWS_SECRET_ACCESS_KEY", "anything",
                "AWS_REGION", "us-east-1");
        Process p = SentinelJar.command(env, List.of("run", "--config", config.toString()))
                .directory(config.getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new SentinelDaemon(p, log);
    }

    /** Waits until {@code /-/ready} answers 200 (the first evaluation is done); fails if the daemon exits. */
    public void awaitReady(int webPort, Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + webPort + "/-/ready");
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
            assertAlive();
            try {
                return http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** Throws, with the log's tail, when the daemon has exited. */
    public void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("the daemon exited with " + process.exitValue() + ":\n"
                    + SentinelJar.tail(log, 40));
        }
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. Returns once the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the daemon " + process.pid() + " survived SIGKILL for 30 s");
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The log, whole, for failure messages. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
