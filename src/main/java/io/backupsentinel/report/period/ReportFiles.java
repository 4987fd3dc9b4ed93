package io.backupsentinel.report.period;

import java.time.Instant;

/** The download name of a report, the same from the CLI's suggestion and the API's Content-Disposition. */
public final class ReportFiles {
    private ReportFiles() {
    }

    /** e.g. {@code backup-report-20261001T000000Z-20261002T000000Z.json}: only safe characters. */
    public static String name(Instant from, Instant to, String extension) {
        return "backup-report-" + compact(from) + "-" + compact(to) + "." + extension;
    }

    private static String compact(Instant i) {
        return i.toString().replace("-", "").replace(":", "").replaceAll("[^0-9A-Za-z.]", "");
    }
}
