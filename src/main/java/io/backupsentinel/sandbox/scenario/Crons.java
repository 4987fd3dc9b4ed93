package io.backupsentinel.sandbox.scenario;

import java.time.DateTimeException;
import java.time.ZoneId;

/** Light checks of AWS Backup schedule expressions and time zones, so a scenario cannot hold nonsense. */
final class Crons {
    private Crons() {
    }

    /** {@code cron(MIN HOUR DOM MONTH DOW YEAR)}: six fields, as AWS Backup and EventBridge write it. */
    static boolean isAwsCron(String s) {
        String t = s.trim();
        if (!t.startsWith("cron(") || !t.endsWith(")")) {
            return false;
        }
        return t.substring(5, t.length() - 1).trim().split("\\s+").length == 6;
    }

    static boolean isZone(String s) {
        try {
            ZoneId.of(s);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
