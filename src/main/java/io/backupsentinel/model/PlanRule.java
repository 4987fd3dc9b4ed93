package io.backupsentinel.model;

import java.util.List;

/**
 * One rule of a backup plan. {@code scheduleExpression} is AWS's cron(...) or rate(...) form (null for
 * continuous backup only); {@code deleteAfterDays} null means kept forever.
 */
public record PlanRule(String name, String targetVaultName, String scheduleExpression, String scheduleTimezone,
                       Long deleteAfterDays, Long moveToColdStorageAfterDays, boolean continuousBackup,
                       List<CopyAction> copyActions) {
    public PlanRule {
        copyActions = List.copyOf(copyActions);
    }
}
