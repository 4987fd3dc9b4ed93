package io.backupsentinel.store;

import io.backupsentinel.model.Finding;
import io.backupsentinel.model.FindingKey;
import io.backupsentinel.model.Transition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The findings open at one point of the chain, built by replaying transitions: opened and changed put the
 * current finding, closed removes it. Its digest is the SHA-256 of the canonical JSON
 * {@code {"open":[{"finding":…,"key":{…}},…]}} with entries sorted by rule, account, region, table.
 */
final class OpenSet {
    private final TreeMap<FindingKey, Finding> open = new TreeMap<>(Bodies::compareKeys);

    OpenSet() {
    }

    OpenSet(Map<FindingKey, Finding> start) {
        open.putAll(start);
    }

    void apply(Transition t) {
        if (t.current() == null) {
            open.remove(t.key());
        } else {
            open.put(t.key(), t.current());
        }
    }

    Map<FindingKey, Finding> asMap() {
        return new LinkedHashMap<>(open);
    }

    int size() {
        return open.size();
    }

    String digest() {
        List<Object> entries = new ArrayList<>(open.size());
        for (Map.Entry<FindingKey, Finding> e : open.entrySet()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", Bodies.key(e.getKey()));
            entry.put("finding", Bodies.finding(e.getValue()));
            entries.add(entry);
        }
        return Canonical.sha256(Canonical.json(Map.of("open", entries)));
    }
}
