package io.backupsentinel.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shipped Grafana dashboard as the tests read it: its data panels and their queries. */
public record Dashboard(JsonNode json) {
    public static final Path FILE = Path.of("dashboards", "backup-sentinel.json");

    public static Dashboard load() throws IOException {
        return new Dashboard(new ObjectMapper().readTree(FILE.toFile()));
    }

    /** Panels that query data: every panel but rows, nested ones included. */
    public List<JsonNode> dataPanels() {
        List<JsonNode> out = new ArrayList<>();
        collect(json.get("panels"), out);
        return out;
    }

    public List<String> expressions() {
        List<String> out = new ArrayList<>();
        dataPanels().forEach(p -> p.get("targets").forEach(t -> out.add(t.path("expr").asText())));
        return out;
    }

    /**
     * An expression as Grafana sends it with every variable on "All" ({@code .*}) and a one-minute rate
     * interval.
     */
    public static String substitute(String expr) {
        return expr.replace("$account", ".*").replace("$region", ".*").replace("$rule", ".*")
                .replace("$__rate_interval", "1m");
    }

    private static void collect(JsonNode panels, List<JsonNode> out) {
        for (JsonNode p : panels) {
            if ("row".equals(p.path("type").asText())) {
                collect(p.path("panels"), out);
            } else {
                out.add(p);
            }
        }
    }
}
