package io.backupsentinel.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A change in a table's backup posture seen between two collections, for the history's change log:
 * PITR switched on or off, the recovery period changed, a plan's coverage gained or lost, a vault locked…
 *
 * @param aspect what changed, one of {@link Aspect}
 * @param before the value before, in words ({@code "enabled"}, {@code "35d"}); null when the table was created
 * @param after  the value after; null when the table was deleted
 */
public record PostureChange(TableRef table, Aspect aspect, String before, String after, Instant at) {
    /** The aspects of posture the change log follows. */
    public enum Aspect {
        TABLE_CREATED, TABLE_DELETED, PITR_ENABLED, PITR_RECOVERY_PERIOD, BACKUP_PLAN_COVERAGE,
        BACKUP_RETENTION, VAULT_LOCK, VAULT_ENCRYPTION,
        /**
         * The table's tags, as canonical JSON with sorted keys ({@code {"env":"prod"}}), recorded when first
         * seen by a running daemon (before null) and when they change, so reports can scope by tag from the
         * history alone.
         */
        TABLE_TAGS
    }

    public PostureChange {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(aspect, "aspect");
        Objects.requireNonNull(at, "at");
    }
}
