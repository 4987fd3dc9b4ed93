package io.backupsentinel.report.period;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * The formats this package writes, with their media type and file extension. PDF is written by its own
 * writer from the same {@link PeriodReport} and sealed with {@link io.backupsentinel.report.ReportSeal}.
 */
public enum ReportFormat {
    JSON("application/json", "json"),
    CSV("text/csv; charset=utf-8", "csv");

    private final String mediaType;
    private final String extension;

    ReportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format named {@code name} (case-insensitive), if this package writes it. */
    public static Optional<ReportFormat> named(String name) {
        for (ReportFormat f : values()) {
            if (f.extension.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Writes the sealed report to {@code out} (left open) and returns its SHA-256. */
    public String write(PeriodReport report, OutputStream out) throws IOException {
        return this == JSON ? PeriodReportJson.write(report, out) : PeriodReportCsv.write(report, out);
    }
}
