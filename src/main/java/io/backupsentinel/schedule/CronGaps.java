package io.backupsentinel.schedule;

import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Duration;
import java.util.Date;

/** The longest gap between two firings of a Quartz cron expression over the next weeks. */
final class CronGaps {
    private static final int FIRINGS = 500;

    private CronGaps() {
    }

    static Duration longestGap(String cron) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            // Rules are validated at load time with the same parser; this cannot happen for a loaded rule.
            throw new IllegalArgumentException("invalid cron expression '" + cron + "': " + e.getMessage(), e);
        }
        Date previous = expression.getNextValidTimeAfter(new Date());
        long longest = 0;
        for (int i = 0; i < FIRINGS && previous != null; i++) {
            Date next = expression.getNextValidTimeAfter(previous);
            if (next == null) {
                break;
            }
            longest = Math.max(longest, next.getTime() - previous.getTime());
            previous = next;
        }
        return longest == 0 ? Duration.ofDays(1) : Duration.ofMillis(longest);
    }
}
