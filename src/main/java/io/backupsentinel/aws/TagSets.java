package io.backupsentinel.aws;

import java.util.HashMap;
import java.util.Map;

/**
 * Shares equal tag maps between tables. Fleets repeat a handful of tag sets (env=prod, backup-tier=gold)
 * across thousands of tables, so one region's tags cost a few maps instead of one per table.
 */
final class TagSets {
    private final Map<Map<String, String>, Map<String, String>> seen = new HashMap<>();

    Map<String, String> share(Map<String, String> tags) {
        if (tags.isEmpty()) {
            return Map.of();
        }
        Map<String, String> copy = Map.copyOf(tags);
        Map<String, String> existing = seen.putIfAbsent(copy, copy);
        return existing == null ? copy : existing;
    }
}
