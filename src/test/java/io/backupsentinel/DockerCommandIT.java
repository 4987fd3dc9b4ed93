package io.backupsentinel;

import io.backupsentinel.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the image runs, run here: the Dockerfile's ENTRYPOINT and CMD, with the image's paths mapped onto the
 * repository (the jar, {@code /config/sentinel.yml} = {@code deploy/sentinel.yml}, {@code /app/rules} =
 * {@code rules/}, {@code /data} = a fresh directory) and AWS pointed at the sandbox. The daemon starts, answers
 * the HEALTHCHECK's {@code /-/healthy}, writes its history into the data directory and stops on SIGTERM (what
 * {@code docker stop} sends) with exit code 0. The web port is set to 0 so parallel tests never collide.
 */
class DockerCommandIT {
    private static final Path JAR = Path.of(System.getProperty("sentinel.jar", "target/backup-sentinel.jar"));
    private static final Pattern EXEC = Pattern.compile("(?m)^(ENTRYPOINT|CMD) \\[(.*)]\\s*$");
    private static final Pattern LISTENING = Pattern.compile("web server listening on [0-9.]+:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void the_images_command_starts_the_daemon_on_the_shipped_config_healthy_and_stops_on_sigterm() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path config = Files.writeString(dir.resolve("sentinel.yml"), Files.readString(Path.of("deploy/sentinel.yml"))
                .replace("/app/rules", Path.of("rules").toAbsolutePath().toString())
                .replace("data_dir: /data", "data_dir: " + data) + "web:\n  port: 0\n");
        List<String> command = new ArrayList<>();
        for (String arg : exec("ENTRYPOINT")) {
            command.add(arg.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                    : arg.equals("/app/backup-sentinel.jar") ? JAR.toString() : arg);
        }
        for (String arg : exec("CMD")) {
            command.add(arg.equals("/config/sentinel.yml") ? config.toString() : arg);
        }

        try (Sandbox sandbox = Sandbox.start((Path) null, 0)) {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(Map.of("AWS_ENDPOINT_URL", sandbox.endpoint(), "AWS_ACCESS_KEY_ID", "AKIAEXAMPLE",
                    "AWS_SECRET_ACCESS_KEY", "example", "AWS_REGION", "us-east-1"));
            Process p = pb.start();
            List<String> lines = new ArrayList<>();
            int healthStatus = -1;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        healthStatus = healthy(Integer.parseInt(m.group(1)));
                    }
                    if (line.contains("started; stop with SIGTERM")) {
                        p.toHandle().destroy();
                    }
                }
            }
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join("\n", lines)).isTrue();
            // 143 = 128 + SIGTERM, the JVM's status when a signal ends it after the shutdown hooks ran (Docker
            // reads it as a clean stop); anything else (2 for a config or rule error) is a failure.
            assertThat(p.exitValue()).as(String.join("\n", lines)).isIn(0, 143);
            assertThat(String.join("\n", lines)).contains("DaemonRuntime - stopped");
            assertThat(healthStatus).as("GET /-/healthy, the HEALTHCHECK").isEqualTo(200);
            assertThat(String.join("\n", lines)).contains("running 12 rule(s) from " + Path.of("rules").toAbsolutePath())
                    .contains("history in " + data);
            assertThat(data).isNotEmptyDirectory();
        }
    }

    private static int healthy(int port) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/-/healthy")).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }

    private static List<String> exec(String instruction) throws Exception {
        Matcher m = EXEC.matcher(Files.readString(Path.of("Dockerfile")));
        List<String> args = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).equals(instruction)) {
                Matcher arg = Pattern.compile("\"([^\"]*)\"").matcher(m.group(2));
                while (arg.find()) {
                    args.add(arg.group(1));
                }
            }
        }
        assertThat(args).as("the Dockerfile's " + instruction).isNotEmpty();
        return args;
    }
}
