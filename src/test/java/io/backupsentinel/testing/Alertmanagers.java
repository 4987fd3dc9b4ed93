package io.backupsentinel.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Debian's Alertmanager with the shipped {@code alerts/alertmanager.yml}, pointed at a local PagerDuty receiver. */
public final class Alertmanagers {
    public static final Path SHIPPED = Path.of("alerts", "alertmanager.yml");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Alertmanagers() {
    }

    /**
     * Starts {@code prometheus-alertmanager} on a free port with {@link #testCopy}; skips (fails on CI) when the
     * package is not installed.
     */
    public static ServerProcess start(Path dir, URI eventsUrl, String routingKey) throws IOException {
        Path binary = DebianProgram.require("prometheus-alertmanager", "prometheus-alertmanager");
        Path config = testCopy(dir, eventsUrl, routingKey);
        int port = FreePort.find();
        return ServerProcess.start(List.of(binary.toString(), "--config.file=" + config,
                "--storage.path=" + dir.resolve("alertmanager-data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address="), port, dir.resolve("alertmanager.log"), Duration.ofSeconds(60));
    }

    /** The shipped config, pointed at the receiver and a key file, with groups flushed every second. */
    public static Path testCopy(Path dir, URI eventsUrl, String routingKey) throws IOException {
        Path keyFile = Files.writeString(dir.resolve("alertmanager-routing-key"), routingKey + "\n");
        ObjectNode config = (ObjectNode) YAML.readTree(SHIPPED.toFile());
        ((ObjectNode) config.get("route")).put("group_wait", "1s").put("group_interval", "1s");
        for (JsonNode receiver : config.get("receivers")) {
            if (receiver.has("pagerduty_configs")) {
                for (JsonNode pd : receiver.get("pagerduty_configs")) {
                    ((ObjectNode) pd).put("routing_key_file", keyFile.toString()).put("url", eventsUrl.toString());
                }
            }
        }
        Path copy = dir.resolve("alertmanager.yml");
        YAML.writeValue(copy.toFile(), config);
        return copy;
    }
}
