package io.backupsentinel.sandbox.state;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One AWS account: its regions. */
public final class Account {
    private final String id;
    private final Map<String, Region> regions = new ConcurrentHashMap<>();

    public Account(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public Map<String, Region> regions() {
        return regions;
    }

    public Region region(String name) {
        return regions.computeIfAbsent(name, r -> new Region(id, r));
    }
}
