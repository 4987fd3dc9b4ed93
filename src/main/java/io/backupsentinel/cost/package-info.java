/**
 * Backup storage and its estimated monthly cost per table: {@link io.backupsentinel.cost.PriceTable} (USD per
 * GB-month per source, AWS list prices by default, per-region overrides from the config's {@code cost:} section)
 * and {@link io.backupsentinel.cost.StorageEstimate} (bytes and cost per source, computed from a table's facts).
 * Pure functions over {@code model} records; no I/O.
 */
package io.backupsentinel.cost;
