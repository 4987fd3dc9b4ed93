package io.backupsentinel.sandbox.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Writing restJson1 bodies: members are omitted when absent (the SDK then reports null), timestamps are
 * epoch seconds with milliseconds, as AWS Backup sends them (e.g. 1516925490.087).
 */
final class Wire {
    static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }

    static void put(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    static void put(ObjectNode n, String field, Long value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    static void put(ObjectNode n, String field, Instant value) {
        if (value != null) {
            n.put(field, BigDecimal.valueOf(value.toEpochMilli(), 3));
        }
    }

    static void putStrings(ObjectNode n, String field, List<String> values) {
        ArrayNode a = n.putArray(field);
        values.forEach(a::add);
    }

    /** A Lifecycle structure, or nothing when neither value is set. */
    static void lifecycle(ObjectNode n, String field, Long deleteAfterDays, Long moveToColdStorageAfterDays) {
        if (deleteAfterDays == null && moveToColdStorageAfterDays == null) {
            return;
        }
        ObjectNode l = n.putObject(field);
        put(l, "MoveToColdStorageAfterDays", moveToColdStorageAfterDays);
        put(l, "DeleteAfterDays", deleteAfterDays);
    }
}
