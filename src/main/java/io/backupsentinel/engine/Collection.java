package io.backupsentinel.engine;

import io.backupsentinel.inventory.RegionSnapshot;
import io.backupsentinel.model.CollectionFailure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The facts of one sweep over every account-region the rules reach, and what it cost. */
public record Collection(Instant startedAt, Duration duration, List<RegionSnapshot> snapshots,
                         List<CollectionFailure> failures, Map<String, Long> requests) {
    public Collection {
        snapshots = List.copyOf(snapshots);
        failures = List.copyOf(failures);
        requests = Map.copyOf(requests);
    }

    public int tables() {
        return snapshots.stream().mapToInt(s -> s.tables().size()).sum();
    }
}
