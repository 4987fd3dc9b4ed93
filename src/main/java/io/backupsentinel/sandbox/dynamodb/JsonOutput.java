package io.backupsentinel.sandbox.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** Writes awsJson values as AWS does: timestamps as epoch seconds with a fraction (e.g. 1.517436532649E9). */
public final class JsonOutput {
    private JsonOutput() {
    }

    /** Puts the time as epoch seconds, with millisecond precision as DynamoDB reports it; skips null. */
    public static void time(ObjectNode n, String member, Instant t) {
        if (t != null) {
            n.put(member, t.toEpochMilli() / 1000.0);
        }
    }

    public static void string(ObjectNode n, String member, String value) {
        if (value != null) {
            n.put(member, value);
        }
    }

    /** A Tag list ({Key, Value} objects) sorted by key, so that answers are stable. */
    public static void tags(ObjectNode n, String member, Map<String, String> tags) {
        var arr = n.putArray(member);
        new TreeMap<>(tags).forEach((k, v) -> arr.addObject().put("Key", k).put("Value", v));
    }
}
