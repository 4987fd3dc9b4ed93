package io.backupsentinel.report.period;

import java.time.Instant;

/**
 * One line of the posture change log: an aspect of a table's backup posture (PITR, plan coverage, retention,
 * vault lock…, by {@link io.backupsentinel.model.PostureChange.Aspect} name) changed from {@code before} to
 * {@code after} (either may be null), with the history record that says so.
 */
public record PostureEntry(Instant at, String account, String region, String table, String aspect, String before,
                           String after, Citation record) {
}
