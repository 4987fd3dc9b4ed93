package io.backupsentinel.rule;

import io.backupsentinel.model.Durations;

import java.time.Duration;

/**
 * When a rule runs: every fixed interval, or on a Quartz cron expression (validated at load time exactly as the
 * scheduler parses it). A rule without a schedule runs on the daemon's default.
 */
public record Schedule(Duration every, String cron) {
    public Schedule {
        if ((every == null) == (cron == null)) {
            throw new IllegalArgumentException("a schedule has either 'every' or 'cron'");
        }
    }

    public static Schedule every(Duration every) {
        return new Schedule(every, null);
    }

    public static Schedule cron(String expression) {
        return new Schedule(null, expression);
    }

    @Override
    public String toString() {
        return every != null ? "every " + Durations.format(every) : "cron " + cron;
    }
}
