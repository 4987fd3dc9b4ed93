package io.backupsentinel.check;

import io.backupsentinel.model.PlanRule;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link BackupFrequency} of each plan-rule schedule a bound {@code backup_plan} check meets, remembered
 * for the hour it holds. Every table of a plan shares its rules, so a sweep asks the same question many
 * thousand times, and walking two weeks of cron firings costs far more than the rest of an evaluation.
 * Owned by one bound check (a rule, or one of its tier levels), so it lives as long as the rule set: a
 * reload starts afresh and two rule sets never share one. Safe for the evaluator's parallel threads.
 */
public final class Frequencies {
    /** Plans come from AWS accounts, not from us: bound the distinct schedules kept. */
    private static final int LIMIT = 10_000;

    private record Schedule(boolean continuous, String expression, String timeZone) {
    }

    private record Known(long hour, BackupFrequency frequency) {
    }

    private final Map<Schedule, Known> known = new ConcurrentHashMap<>();

    BackupFrequency of(PlanRule rule, Instant now) {
        long hour = now.truncatedTo(ChronoUnit.HOURS).getEpochSecond();
        Schedule key = new Schedule(rule.continuousBackup(), rule.scheduleExpression(), rule.scheduleTimezone());
        Known k = known.get(key);
        if (k != null && k.hour() == hour) {
            return k.frequency();
        }
        if (known.size() >= LIMIT) {
            known.clear();
        }
        BackupFrequency computed = BackupFrequency.of(rule, now);
        known.put(key, new Known(hour, computed));
        return computed;
    }
}
