package io.backupsentinel.model;

import java.time.Instant;

/**
 * DescribeContinuousBackups' PointInTimeRecoveryDescription. Times are null when PITR is disabled;
 * {@code recoveryPeriodDays} is null when AWS did not report it (older tables report the default 35).
 */
public record PitrState(boolean enabled, Integer recoveryPeriodDays, Instant earliestRestorable,
                        Instant latestRestorable) {
    public static PitrState disabled() {
        return new PitrState(false, null, null, null);
    }
}
