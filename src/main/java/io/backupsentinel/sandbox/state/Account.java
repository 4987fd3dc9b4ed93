package io.backupsentinel.sandbox.state;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One AWS account: its regions, and the IAM roles in it that STS AssumeRole may assume (by role ARN). */
public final class Account {
    private final String id;
    private final Map<String, Region> regions = new ConcurrentHashMap<>();
    private final Set<String> roles = ConcurrentHashMap.newKeySet();

    public Account(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public Map<String, Region> regions() {
        return regions;
    }

    /** ARNs of the roles that can be assumed, e.g. arn:aws:iam::222222222222:role/BackupSentinelAudit. */
    public Set<String> roles() {
        return roles;
    }

    public Region region(String name) {
        return regions.computeIfAbsent(name, r -> new Region(id, r));
    }
}
