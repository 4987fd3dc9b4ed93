package io.backupsentinel.rule;

import io.backupsentinel.check.Params;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Backup tiers: the table tag whose value picks a level, and per level the parameter values (as written, not
 * yet merged) that override a rule's own for each check. Defined at most once across the rule directory.
 *
 * @param levels level name → check name → the level's values for that check
 */
public record Tiers(String tag, Map<String, Map<String, Params>> levels, Where where) {
    public Tiers {
        Map<String, Map<String, Params>> copy = new LinkedHashMap<>();
        levels.forEach((level, byCheck) -> copy.put(level, Collections.unmodifiableMap(new LinkedHashMap<>(byCheck))));
        levels = Collections.unmodifiableMap(copy);
    }

    public Set<String> levelNames() {
        return levels.keySet();
    }
}
