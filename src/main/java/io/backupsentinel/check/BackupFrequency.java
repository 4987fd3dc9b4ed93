package io.backupsentinel.check;

import java.time.temporal.ChronoUnit;

import io.backupsentinel.model.Durations;
import io.backupsentinel.model.PlanRule;
import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a backup plan rule backs up: the longest gap between two consecutive backups over the next two
 * weeks, zero for continuous backup, or why it cannot be told.
 *
 * <p>AWS Backup writes schedules as {@code cron(min hour day-of-month month day-of-week year)}. That is
 * Quartz's cron syntax without the seconds field: the same {@code ? L W #} characters, the same rule that one
 * of the day fields is {@code ?}, and day-of-week 1-7 = SUN-SAT in both. So we prefix {@code 0 } for the
 * seconds and let {@link CronExpression} compute the firings instead of writing a second cron engine; this is
 * the one class of {@code check} that uses Quartz, for that reason only.
 *
 * @param longest the longest gap; null when {@code problem} is set
 * @param description what the schedule is, e.g. "cron(0 5 ? * * *) UTC, longest gap 24h", or "continuous backup"
 * @param problem why the rule cannot be counted on to back up at all (unparseable, never fires again), or null
 */
public record BackupFrequency(Duration longest, String description, String problem) {
    static final Duration HORIZON = Duration.ofDays(14);
    private static final int MAX_FIRINGS = 50_000;
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)", Pattern.DOTALL);
    private static final Pattern RATE = Pattern.compile("rate\\(\\s*(\\d+)\\s+(minutes?|hours?|days?)\\s*\\)");

    public boolean known() {
        return problem == null;
    }

    /**
     * The frequency of {@code rule} as seen from the start of the hour of {@code now}: walking from the hour
     * makes the answer the same all hour, so a {@link Frequencies} can remember it for that long.
     */
    public static BackupFrequency of(PlanRule rule, Instant now) {
        return compute(rule, now.truncatedTo(ChronoUnit.HOURS));
    }

    private static BackupFrequency compute(PlanRule rule, Instant now) {
        if (rule.continuousBackup()) {
            // Continuous backup for DynamoDB is PITR under AWS Backup: any second of the window can be restored.
            return new BackupFrequency(Duration.ZERO, "continuous backup", null);
        }
        String expr = rule.scheduleExpression();
        if (expr == null || expr.isBlank()) {
            return failed("no schedule and no continuous backup");
        }
        String text = expr.trim();
        Matcher rate = RATE.matcher(text.toLowerCase(Locale.ROOT));
        if (rate.matches()) {
            Duration every;
            try {
                long n = Long.parseLong(rate.group(1));
                every = switch (rate.group(2).charAt(0)) {
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            } catch (ArithmeticException | NumberFormatException e) {
                return failed("schedule '" + text + "' names an interval too long to compute");
            }
            return new BackupFrequency(every, text + ", every " + Durations.format(every), null);
        }
        Matcher cron = CRON.matcher(text);
        if (!cron.matches()) {
            return failed("schedule '" + text + "' is neither cron(...) nor rate(...)");
        }
        String[] fields = cron.group(1).trim().split("\\s+");
        if (fields.length != 6) {
            return failed("schedule '" + text + "' has " + fields.length
                    + " fields; AWS cron has 6 (minute hour day-of-month month day-of-week year)");
        }
        ZoneId zone;
        try {
            zone = rule.scheduleTimezone() == null || rule.scheduleTimezone().isBlank()
                    ? ZoneId.of("UTC") : ZoneId.of(rule.scheduleTimezone());
        } catch (DateTimeException e) {
            return failed("schedule time zone '" + rule.scheduleTimezone() + "' is not a time zone");
        }
        CronExpression quartz;
        try {
            quartz = new CronExpression("0 " + String.join(" ", fields));
        } catch (ParseException e) {
            return failed("cannot parse schedule '" + text + "': " + e.getMessage());
        }
        quartz.setTimeZone(TimeZone.getTimeZone(zone));
        return longestGap(quartz, now, text + " " + zone.getId());
    }

    private static BackupFrequency longestGap(CronExpression cron, Instant now, String what) {
        Instant horizon = now.plus(HORIZON);
        Date previous = cron.getNextValidTimeAfter(Date.from(now));
        if (previous == null) {
            return failed("schedule '" + what + "' never fires again");
        }
        Duration longest = Duration.ZERO;
        // Walk until one firing lies past the horizon, and take at least one gap, so a monthly schedule yields its gap.
        for (int i = 0; i < MAX_FIRINGS && (i == 0 || !previous.toInstant().isAfter(horizon)); i++) {
            Date next = cron.getNextValidTimeAfter(previous);
            if (next == null) {
                return failed("schedule '" + what + "' fires for the last time at " + previous.toInstant());
            }
            Duration gap = Duration.between(previous.toInstant(), next.toInstant());
            if (gap.compareTo(longest) > 0) {
                longest = gap;
            }
            previous = next;
        }
        return new BackupFrequency(longest, what + ", longest gap " + Durations.format(longest), null);
    }

    private static BackupFrequency failed(String problem) {
        return new BackupFrequency(null, problem, problem);
    }
}
