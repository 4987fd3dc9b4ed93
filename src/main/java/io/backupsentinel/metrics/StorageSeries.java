package io.backupsentinel.metrics;

import io.backupsentinel.model.Target;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The per-table storage families, {@code backup_sentinel_backup_storage_bytes} and
 * {@code backup_sentinel_backup_storage_monthly_cost_usd}, rendered once per collected account-region (the
 * values change at most once per collection, so scrapes only copy bytes). Off together with the other per-table
 * series when {@link MetricsSettings#perTableFindings()} is false: at 10,000 tables they add up to 100,000 series.
 */
final class StorageSeries {
    private static final Chunk BYTES_HEADER = Chunk.of(Meters.BACKUP_STORAGE_BYTES.header());
    private static final Chunk COST_HEADER = Chunk.of(Meters.BACKUP_STORAGE_COST.header());

    private record Region(Chunk bytes, Chunk cost) {
    }

    private final boolean enabled;
    private final Map<String, Region> regions = new ConcurrentSkipListMap<>();

    StorageSeries(boolean enabled) {
        this.enabled = enabled;
    }

    /** Replaces the series of each of {@code targets} with those of its tables in {@code storage}. */
    void replace(Collection<Target> targets, List<TableStorage> storage) {
        if (!enabled) {
            return;
        }
        for (Target t : targets) {
            List<TableStorage> own = storage.stream().filter(s -> s.table().target().equals(t)).toList();
            if (own.isEmpty()) {
                regions.remove(t.toString());
            } else {
                regions.put(t.toString(), render(own));
            }
        }
    }

    /** Both families, each contiguous; nothing when the switch is off. */
    void appendTo(List<Chunk> out) {
        if (!enabled) {
            return;
        }
        List<Region> snapshot = new ArrayList<>(regions.values());
        out.add(BYTES_HEADER);
        snapshot.forEach(r -> out.add(r.bytes()));
        out.add(COST_HEADER);
        snapshot.forEach(r -> out.add(r.cost()));
    }

    private static Region render(List<TableStorage> tables) {
        TextBuffer bytes = new TextBuffer(1 << 12);
        TextBuffer cost = new TextBuffer(1 << 12);
        for (TableStorage s : tables) {
            var t = s.table();
            s.bytes().forEach((source, n) -> bytes.text(TextBuffer.series(Meters.BACKUP_STORAGE_BYTES.name(),
                    Meters.BACKUP_STORAGE_BYTES.labels(), t.account(), t.region(), t.name(), source))
                    .number(n).newline());
            // Dollars to a hundredth of a cent: finer digits would only be noise in an estimate.
            s.monthlyUsd().forEach((source, usd) -> cost.text(TextBuffer.series(Meters.BACKUP_STORAGE_COST.name(),
                    Meters.BACKUP_STORAGE_COST.labels(), t.account(), t.region(), t.name(), source))
                    .text(String.format(Locale.ROOT, "%.4f", usd)).newline());
        }
        return new Region(Chunk.of(bytes.toByteArray()), Chunk.of(cost.toByteArray()));
    }
}
