package io.backupsentinel.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sandbox's stand-in for PagerDuty's Events API v2, so that {@code demo} shows a page being sent and
 * resolved without a PagerDuty account: it accepts what the real endpoint accepts (a JSON event with a
 * 32-character routing key, an action, a dedup key; for a trigger a summary, source and severity), answers as
 * PagerDuty does, and keeps the events (without their routing keys) and which incidents are open.
 */
final class PagerDutyInbox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ACTIONS = Set.of("trigger", "acknowledge", "resolve");
    private static final Set<String> SEVERITIES = Set.of("critical", "error", "warning", "info");
    private static final int MAX_EVENTS = 1_000;

    private final Clock clock;
    private final List<ObjectNode> events = new ArrayList<>();
    private final Map<String, String> open = new LinkedHashMap<>();

    PagerDutyInbox(Clock clock) {
        this.clock = clock;
    }

    /** The answer PagerDuty would give: 202 with the dedup key, or 400 naming what is invalid. */
    synchronized Answer enqueue(byte[] body) {
        JsonNode e;
        try {
            e = JSON.readTree(body);
        } catch (IOException ex) {
            return invalid("the body is not JSON");
        }
        if (e == null || !e.isObject()) {
            return invalid("the event must be a JSON object");
        }
        String key = e.path("routing_key").asText("");
        String action = e.path("event_action").asText("");
        String dedup = e.path("dedup_key").asText("");
        if (key.length() != 32) {
            return invalid("routing_key must be 32 characters");
        }
        if (!ACTIONS.contains(action)) {
            return invalid("event_action must be trigger, acknowledge or resolve");
        }
        if (dedup.isEmpty() || dedup.length() > 255) {
            return invalid("dedup_key must be 1 to 255 characters");
        }
        JsonNode payload = e.path("payload");
        if ("trigger".equals(action)) {
            String summary = payload.path("summary").asText("");
            if (summary.isEmpty() || summary.length() > 1024 || payload.path("source").asText("").isEmpty()
                    || !SEVERITIES.contains(payload.path("severity").asText(""))) {
                return invalid("a trigger needs payload.summary (at most 1024 characters), payload.source and"
                        + " payload.severity (critical, error, warning or info)");
            }
            open.put(dedup, summary);
        } else if ("resolve".equals(action)) {
            open.remove(dedup);
        }
        ObjectNode kept = ((ObjectNode) e).deepCopy();
        kept.remove("routing_key");
        kept.put("received_at", clock.instant().toString());
        events.add(kept);
        if (events.size() > MAX_EVENTS) {
            events.remove(0);
        }
        ObjectNode ok = JSON.createObjectNode().put("status", "success").put("message", "Event processed")
                .put("dedup_key", dedup);
        return new Answer(202, ok.toString());
    }

    /** Every event received (oldest first) and the incidents open now. */
    synchronized String list() {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode incidents = out.putObject("open_incidents");
        open.forEach(incidents::put);
        ArrayNode list = out.putArray("events");
        events.forEach(list::add);
        return out.toString();
    }

    private static Answer invalid(String why) {
        ObjectNode n = JSON.createObjectNode().put("status", "invalid event").put("message", "Event object is invalid");
        n.putArray("errors").add(why);
        return new Answer(400, n.toString());
    }

    record Answer(int status, String body) {
    }
}
