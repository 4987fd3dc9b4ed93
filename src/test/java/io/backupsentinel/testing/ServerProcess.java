package io.backupsentinel.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A server program from a Debian package (Prometheus, Alertmanager) run by a test on a loopback port, its output
 * in a log file; ready once {@code GET /-/ready} answers 200. Closing stops it (SIGTERM, then SIGKILL).
 */
public final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final URI api;
    private final Path log;

    private ServerProcess(Process process, URI api, Path log) {
        this.process = process;
        this.api = api;
        this.log = log;
    }

    /** Starts {@code command}, which must listen on {@code port}, and waits until it is ready. */
    public static ServerProcess start(List<String> command, int port, Path log, Duration timeout) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServerProcess server = new ServerProcess(p, URI.create("http://127.0.0.1:" + port), log);
        try {
            server.awaitReady(timeout);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    public URI api() {
        return api;
    }

    /** The log, for failure messages. */
    public String logTail() {
        return SentinelJar.tail(log, 40);
    }

    private void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.info().command().orElse("the server") + " exited with "
                        + process.exitValue() + ": " + logTail());
            }
            try {
                return http.send(HttpRequest.newBuilder(api.resolve("/-/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
