package io.backupsentinel.web.runbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Compact JSON for CLI parameters (metadata maps, table-creation parameters), written by Jackson. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // Only maps, lists, strings and numbers are written: this cannot fail for them.
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
