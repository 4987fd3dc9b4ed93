package io.backupsentinel.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * moto's server mode ({@code python3 -m moto.server}) as a child process on a free loopback port, for
 * differential tests. {@link #start()} says why when it cannot run (no python3, no moto, no port).
 */
public final class MotoServer implements AutoCloseable {
    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts moto, or returns the reason it could not be started. */
    public static Result start() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import moto, moto.server; print(moto.__version__)")
                    .redirectErrorStream(true).start();
            String version = new String(probe.getInputStream().readAllBytes()).trim();
            if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                String[] lines = version.split("\n");
                return new Result(null, "python3 cannot import moto: " + lines[lines.length - 1]);
            }
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Process p = new ProcessBuilder("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true).redirectOutput(new File(System.getProperty("java.io.tmpdir"),
                            "moto-" + port + ".log")).start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(deadline)) {
                if (!p.isAlive()) {
                    return new Result(null, "moto.server exited with " + p.exitValue());
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return new Result(new MotoServer(p, port), "moto " + version);
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            p.destroyForcibly();
            return new Result(null, "moto.server did not listen on port " + port + " within 60 s");
        } catch (IOException e) {
            return new Result(null, "cannot run python3: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "interrupted while starting moto");
        }
    }

    /**
     * Starts moto for {@code suite}; without moto the suite is skipped with the reason printed, or fails when
     * the system property sentinel.requireMoto is true (CI sets it, so CI never skips it silently).
     */
    public static MotoServer startOrSkip(String suite) {
        Result started = start();
        if (started.server() == null) {
            if (Boolean.getBoolean("sentinel.requireMoto")) {
                throw new IllegalStateException("sentinel.requireMoto=true but moto is unavailable: " + started.detail());
            }
            System.out.println(suite + " skipped: " + started.detail());
            org.junit.jupiter.api.Assumptions.abort("moto is unavailable: " + started.detail());
        }
        return started.server();
    }

    /** A started server, or why there is none. */
    public record Result(MotoServer server, String detail) {
        public Optional<MotoServer> get() {
            return Optional.ofNullable(server);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
