package io.backupsentinel.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from Debian's {@code postgresql} package, for the store's integration tests:
 * {@code initdb} into a temporary directory, started on a free loopback port by {@code pg_ctl}, stopped and
 * deleted after the test class. PostgreSQL refuses to run as root, so when the tests run as root the
 * directory is given to the {@code postgres} system user and the binaries run through {@code runuser}.
 * TCP logins need the password ({@link #password()}, also in {@link #passwordFile()}), as in production.
 *
 * <p>Without the package the tests are skipped with the reason printed; with {@code CI=true} they fail
 * instead, so CI never skips them silently. Register with {@code @RegisterExtension static final}.
 */
public final class PostgresCluster implements BeforeAllCallback, AfterAllCallback {
    public static final String USER = "postgres";
    private static final String PASSWORD = "sentinel-test-password";
    private final AtomicInteger databases = new AtomicInteger();
    private Path bin;
    private Path dir;
    private int port;
    private boolean asRoot;
    private Thread shutdownHook;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        bin = findBinaries();
        if (bin == null) {
            String why = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb; apt-get install -y postgresql)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but " + why);
            }
            System.out.println(context.getDisplayName() + " skipped: " + why);
            Assumptions.abort(why);
        }
        asRoot = "root".equals(System.getProperty("user.name"));
        dir = Files.createTempDirectory("sentinel-pg-");
        Path sockets = Files.createDirectories(dir.resolve("sockets"));
        Path pwfile = Files.writeString(dir.resolve("pwfile"), PASSWORD + "\n");
        if (asRoot) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(USER);
            for (Path p : List.of(dir, sockets, pwfile)) {
                Files.setOwner(p, postgres);
            }
        }
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        run("initdb", "-D", data().toString(), "-U", USER, "--pwfile=" + pwfile, "--auth-local=trust",
                "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
        Files.writeString(data().resolve("postgresql.conf"), "\nlisten_addresses = '127.0.0.1'\nport = " + port
                + "\nunix_socket_directories = '" + sockets + "'\nfsync = off\nfull_page_writes = off\n",
                java.nio.file.StandardOpenOption.APPEND);
        shutdownHook = new Thread(this::stopQuietly, "postgres-cluster-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (dir == null) {
            return;
        }
        stopQuietly();
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Starts the cluster (again), waiting until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data().toString(), "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "60", "start");
    }

    /** Stops the cluster (fast shutdown: open sessions are ended, as in a failover or a restart). */
    public void stop() throws IOException, InterruptedException {
        run("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    /** A new empty database on this cluster; returns its JDBC URL. */
    public String newDatabase() throws SQLException {
        String name = "history_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, PASSWORD); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE DATABASE " + name);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String password() {
        return PASSWORD;
    }

    /** A file holding the password, readable by the tests. */
    public Path passwordFile() throws IOException {
        Path file = dir.resolve("client-password");
        if (!Files.exists(file)) {
            Files.writeString(file, PASSWORD + "\n");
        }
        return file;
    }

    public int port() {
        return port;
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void stopQuietly() {
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                stop();
            }
        } catch (IOException | InterruptedException | IllegalStateException e) {
            System.err.println("could not stop the test PostgreSQL cluster in " + dir + ": " + e.getMessage());
        }
    }

    private void run(String program, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (asRoot) {
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static Path findBinaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent()))).orElse(null);
        }
    }

    private static int versionOf(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
