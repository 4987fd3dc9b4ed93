package io.backupsentinel.aws;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * A moto server ({@code python3 -m moto.server}) on a free loopback port, for integration tests. Started
 * and stopped by the test that owns it; {@link #unavailableReason()} says why it cannot run here.
 */
final class MotoProcess implements AutoCloseable {
    private final Process process;
    private final int port;

    private MotoProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Null when python3 can import moto; otherwise why not. */
    static String unavailableReason() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import moto; print(moto.__version__)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            return p.waitFor() == 0 ? null : "python3 cannot import moto: " + out;
        } catch (IOException e) {
            return "python3 is not available: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    static MotoProcess start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        File log = File.createTempFile("moto-", ".log");
        log.deleteOnExit();
        Process p = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log).start();
        MotoProcess moto = new MotoProcess(p, port);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!p.isAlive()) {
                throw new IOException("moto exited with " + p.exitValue() + "; see " + log);
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(moto.endpoint() + "/moto-api/").toURL()
                        .openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() > 0) {
                    return moto;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        moto.close();
        throw new IOException("moto did not answer on port " + port + " within 30s; see " + log);
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(5),
                    java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
