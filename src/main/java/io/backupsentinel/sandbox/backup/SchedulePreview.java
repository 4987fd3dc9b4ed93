package io.backupsentinel.sandbox.backup;

import io.backupsentinel.sandbox.state.Plan;
import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * GetBackupPlan's ScheduledRunsPreview: the next runs of a plan's scheduled rules after now, soonest first.
 * AWS writes {@code cron(min hour day-of-month month day-of-week year)} with Quartz's field meanings, so a
 * seconds field of 0 turns it into a Quartz expression; the rule's timezone (UTC by default) applies.
 */
final class SchedulePreview {
    record Run(Instant time, Plan.Rule rule) {
    }

    private SchedulePreview() {
    }

    static List<Run> next(List<Plan.Rule> rules, Instant now, int count) {
        List<Run> runs = new ArrayList<>();
        for (Plan.Rule rule : rules) {
            CronExpression cron = cron(rule);
            if (cron == null) {
                continue;
            }
            Date t = Date.from(now);
            for (int i = 0; i < count; i++) {
                t = cron.getNextValidTimeAfter(t);
                if (t == null) {
                    break;
                }
                runs.add(new Run(t.toInstant(), rule));
            }
        }
        runs.sort(Comparator.comparing(Run::time));
        return runs.subList(0, Math.min(count, runs.size()));
    }

    private static CronExpression cron(Plan.Rule rule) {
        String expr = rule.scheduleExpression();
        if (expr == null || !expr.startsWith("cron(") || !expr.endsWith(")")) {
            return null;
        }
        try {
            CronExpression cron = new CronExpression("0 " + expr.substring(5, expr.length() - 1).trim());
            String zone = rule.scheduleTimezone() == null ? "Etc/UTC" : rule.scheduleTimezone();
            cron.setTimeZone(TimeZone.getTimeZone(ZoneId.of(zone)));
            return cron;
        } catch (ParseException | RuntimeException e) {
            // A rule whose expression AWS would have refused has no runs to preview.
            return null;
        }
    }
}
