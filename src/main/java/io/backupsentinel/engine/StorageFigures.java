package io.backupsentinel.engine;

import io.backupsentinel.cost.StorageEstimate;
import io.backupsentinel.metrics.Meters;
import io.backupsentinel.metrics.TableStorage;
import io.backupsentinel.model.Fact;
import io.backupsentinel.model.RecoverySource;

import java.util.LinkedHashMap;
import java.util.Map;

/** A storage estimate as the metrics take it: the known sources and the total (when known), by source label. */
final class StorageFigures {
    private StorageFigures() {
    }

    static TableStorage of(StorageEstimate e) {
        Map<String, Long> bytes = new LinkedHashMap<>();
        Map<String, Double> usd = new LinkedHashMap<>();
        for (RecoverySource s : RecoverySource.values()) {
            put(s.label(), e.source(s), bytes, usd);
        }
        put(Meters.TOTAL, e.total(), bytes, usd);
        return new TableStorage(e.table(), bytes, usd);
    }

    private static void put(String label, Fact<StorageEstimate.Amount> f, Map<String, Long> bytes,
                            Map<String, Double> usd) {
        if (f.known()) {
            bytes.put(label, f.value().bytes());
            usd.put(label, f.value().monthlyUsd());
        }
    }
}
