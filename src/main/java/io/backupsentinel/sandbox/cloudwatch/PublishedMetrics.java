package io.backupsentinel.sandbox.cloudwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What the sandbox's CloudWatch received, in arrival order, read by {@code GET /_sandbox/cloudwatch}. Bounded
 * so a daemon left publishing for days cannot fill the heap: past {@link #CAPACITY} the oldest are dropped.
 */
public final class PublishedMetrics {
    static final int CAPACITY = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<PublishedMetric> data = new ArrayList<>();

    synchronized void addAll(List<PublishedMetric> batch) {
        data.addAll(batch);
        int excess = data.size() - CAPACITY;
        if (excess > 0) {
            data.subList(0, excess).clear();
        }
    }

    public synchronized List<PublishedMetric> all() {
        return List.copyOf(data);
    }

    /** {@code {"metrics": [{"namespace", "name", "dimensions": {…}, "value", "unit", "timestamp", …}]}}. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode list = root.putArray("metrics");
        for (PublishedMetric m : all()) {
            ObjectNode n = list.addObject();
            n.put("account", m.account());
            n.put("region", m.region());
            n.put("namespace", m.namespace());
            n.put("name", m.name());
            n.set("dimensions", JSON.valueToTree(new TreeMap<>(m.dimensions())));
            n.put("value", m.value());
            n.put("unit", m.unit());
            n.put("timestamp", m.timestamp().toString());
        }
        return root.toString();
    }
}
