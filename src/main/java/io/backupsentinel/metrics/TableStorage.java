package io.backupsentinel.metrics;

import io.backupsentinel.model.TableRef;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One table's backup storage as the metrics publish it, computed by the engine from the cost estimate: bytes and
 * estimated monthly USD per source label ({@code pitr}, {@code on_demand}, {@code aws_backup}, {@code export},
 * {@code total}). Only known values are present: an unknown source has no series rather than a zero.
 */
public record TableStorage(TableRef table, Map<String, Long> bytes, Map<String, Double> monthlyUsd) {
    public TableStorage {
        Objects.requireNonNull(table, "table");
        bytes = Collections.unmodifiableMap(new LinkedHashMap<>(bytes));
        monthlyUsd = Collections.unmodifiableMap(new LinkedHashMap<>(monthlyUsd));
    }
}
