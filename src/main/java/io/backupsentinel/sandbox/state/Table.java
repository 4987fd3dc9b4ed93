package io.backupsentinel.sandbox.state;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A DynamoDB table. {@code activeAt} is when a CREATING table (a restore) becomes ACTIVE. PITR is enabled
 * since {@code pitrEnabledAt} (null when disabled); {@code pitrLag} is how far LatestRestorableDateTime
 * trails the clock (AWS: about 5 minutes; a scenario can make it larger to show a stuck PITR).
 */
public record Table(String name, String arn, String tableId, Instant created, Instant activeAt,
                    String hashKey, long sizeBytes, long itemCount, Map<String, String> tags,
                    Instant pitrEnabledAt, int recoveryPeriodDays, Duration pitrLag) {
    public static final Duration DEFAULT_PITR_LAG = Duration.ofMinutes(5);

    public Table {
        tags = Map.copyOf(tags);
    }

    public String status(Instant now) {
        return activeAt != null && now.isBefore(activeAt) ? "CREATING" : "ACTIVE";
    }

    public boolean pitrEnabled() {
        return pitrEnabledAt != null;
    }

    /** EarliestRestorableDateTime: the later of when PITR was enabled and the start of the recovery period. */
    public Instant earliestRestorable(Instant now) {
        Instant windowStart = now.minus(Duration.ofDays(recoveryPeriodDays));
        return pitrEnabledAt.isAfter(windowStart) ? pitrEnabledAt : windowStart;
    }

    public Instant latestRestorable(Instant now) {
        Instant latest = now.minus(pitrLag);
        return latest.isBefore(pitrEnabledAt) ? pitrEnabledAt : latest;
    }

    public Table withTags(Map<String, String> newTags) {
        return new Table(name, arn, tableId, created, activeAt, hashKey, sizeBytes, itemCount, newTags,
                pitrEnabledAt, recoveryPeriodDays, pitrLag);
    }

    public Table withPitr(Instant enabledAt, int periodDays) {
        return new Table(name, arn, tableId, created, activeAt, hashKey, sizeBytes, itemCount, tags,
                enabledAt, periodDays, pitrLag);
    }
}
